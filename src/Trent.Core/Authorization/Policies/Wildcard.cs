namespace Trent.Core.Authorization.Policies;

/// <summary>IAM glob matching: <c>*</c> matches any run of characters (also empty), <c>?</c> exactly one.</summary>
public static class Wildcard
{
    public static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text, bool ignoreCase)
    {
        // Iterative matcher with single-star backtracking: linear in practice, no regex, no recursion.
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || CharEquals(pattern[p], text[t], ignoreCase)))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }

    public static bool HasWildcard(ReadOnlySpan<char> pattern) => pattern.ContainsAny('*', '?');

    // Policy variables turn ${*} and ${?} into stand-ins that match only the literal character.
    private static bool CharEquals(char p, char t, bool ignoreCase) =>
        p == t
        || (p == PolicyVariables.LiteralStar && t == '*')
        || (p == PolicyVariables.LiteralQuestion && t == '?')
        || (ignoreCase && char.ToUpperInvariant(p) == char.ToUpperInvariant(t));
}
