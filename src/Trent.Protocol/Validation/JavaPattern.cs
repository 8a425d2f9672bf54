using System.Text;
using System.Text.RegularExpressions;

namespace Trent.Protocol.Validation;

/// <summary>
/// Compiles a service model pattern (a Java regular expression) to a .NET one with Java's meaning, matched against
/// the whole value as Java's <c>matches()</c> does.
/// </summary>
/// <remarks>
/// Java's <c>\w</c>, <c>\d</c> and <c>\s</c> are ASCII-only where .NET's take all of Unicode, so they are spelled
/// out; <c>\p{..}</c> and the rest mean the same in both. The end anchor is <c>\z</c>: .NET's <c>$</c> would also
/// accept a value ending in a newline.
/// </remarks>
public static class JavaPattern
{
    private const string Word = "a-zA-Z0-9_";
    private const string Digit = "0-9";
    private const string Space = @" \t\n\x0B\f\r";

    public static Regex Compile(string pattern) =>
        new($"^(?:{Translate(pattern)})\\z", RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    public static string Translate(string pattern)
    {
        var result = new StringBuilder(pattern.Length + 16);
        var classDepth = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                var set = next switch
                {
                    'w' => Word,
                    'd' => Digit,
                    's' => Space,
                    _ => null,
                };
                var negated = next switch
                {
                    'W' => Word,
                    'D' => Digit,
                    'S' => Space,
                    _ => null,
                };
                if (set is not null)
                {
                    result.Append(classDepth > 0 ? set : $"[{set}]");
                }
                else if (negated is not null && classDepth == 0)
                {
                    result.Append("[^").Append(negated).Append(']');
                }
                else
                {
                    result.Append(c).Append(next);
                }
                continue;
            }
            if (c == '[')
            {
                classDepth++;
            }
            else if (c == ']' && classDepth > 0)
            {
                classDepth--;
            }
            result.Append(c);
        }
        return result.ToString();
    }
}
