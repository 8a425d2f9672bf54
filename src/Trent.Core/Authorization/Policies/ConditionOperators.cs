using System.Collections.Frozen;

namespace Trent.Core.Authorization.Policies;

/// <summary>The condition operators of the IAM policy grammar.</summary>
public static class ConditionOperators
{
    public static readonly FrozenSet<string> Names = new[]
    {
        "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
        "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
        "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
        "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Operators whose result is "the value matches none of the policy values".</summary>
    public static bool IsNegated(string op) => op is "StringNotEquals" or "StringNotEqualsIgnoreCase" or "StringNotLike"
        or "NumericNotEquals" or "DateNotEquals" or "NotIpAddress" or "ArnNotEquals" or "ArnNotLike";

    /// <summary>Splits <c>ForAnyValue:StringLikeIfExists</c> into its parts; null when the operator is unknown.</summary>
    public static (string Operator, SetQualifier Qualifier, bool IfExists)? Parse(string text)
    {
        var qualifier = SetQualifier.None;
        var rest = text;
        if (rest.StartsWith("ForAnyValue:", StringComparison.Ordinal))
        {
            qualifier = SetQualifier.ForAnyValue;
            rest = rest["ForAnyValue:".Length..];
        }
        else if (rest.StartsWith("ForAllValues:", StringComparison.Ordinal))
        {
            qualifier = SetQualifier.ForAllValues;
            rest = rest["ForAllValues:".Length..];
        }
        var ifExists = false;
        if (rest.EndsWith("IfExists", StringComparison.Ordinal) && rest != "IfExists")
        {
            ifExists = true;
            rest = rest[..^"IfExists".Length];
        }
        if (!Names.Contains(rest) || (ifExists && rest == "Null"))
        {
            return null;
        }
        return (rest, qualifier, ifExists);
    }
}
