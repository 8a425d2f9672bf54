using System.Text;

namespace Trent.Core.Authorization.Policies;

/// <summary>
/// Substitutes policy variables (<c>${aws:username}</c>, <c>${aws:PrincipalTag/team}</c>, the escapes <c>${*}</c>,
/// <c>${?}</c>, <c>${$}</c>, and defaults <c>${aws:username, 'none'}</c>) in Resource and condition values.
/// Only Version 2012-10-17 documents have variables; in 2008-10-17 the text is literal.
/// </summary>
public static class PolicyVariables
{
    /// <summary>Stand-ins for a literal <c>*</c> and <c>?</c> coming from <c>${*}</c> and <c>${?}</c>, which are not wildcards.</summary>
    public const char LiteralStar = '\uE000';
    public const char LiteralQuestion = '\uE001';

    /// <summary>The substituted text, or null when a variable has no value and no default (the value then matches nothing).</summary>
    public static string? Substitute(string text, ConditionValues context, bool enabled)
    {
        if (!enabled || !text.Contains("${", StringComparison.Ordinal))
        {
            return text;
        }
        var result = new StringBuilder(text.Length);
        var at = 0;
        while (at < text.Length)
        {
            var start = text.IndexOf("${", at, StringComparison.Ordinal);
            var end = start < 0 ? -1 : text.IndexOf('}', start);
            if (start < 0 || end < 0)
            {
                result.Append(text, at, text.Length - at);
                break;
            }
            result.Append(text, at, start - at);
            var value = Resolve(text[(start + 2)..end], context);
            if (value is null)
            {
                return null;
            }
            result.Append(value);
            at = end + 1;
        }
        return result.ToString();
    }

    private static string? Resolve(string variable, ConditionValues context)
    {
        switch (variable)
        {
            case "*":
                return LiteralStar.ToString();
            case "?":
                return LiteralQuestion.ToString();
            case "$":
                return "$";
        }
        string? fallback = null;
        var comma = variable.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            var rest = variable[(comma + 1)..].Trim();
            if (rest.Length >= 2 && rest[0] == '\'' && rest[^1] == '\'')
            {
                fallback = rest[1..^1];
            }
            variable = variable[..comma].Trim();
        }
        var values = context.Get(variable);
        return values is [var single] ? single : fallback;
    }
}
