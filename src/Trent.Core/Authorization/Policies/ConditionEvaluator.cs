using System.Globalization;
using System.Net;

namespace Trent.Core.Authorization.Policies;

/// <summary>Evaluates one condition (operator, set qualifier, IfExists) against the request's condition keys.</summary>
public static class ConditionEvaluator
{
    public static bool Evaluate(Condition condition, ConditionValues context, bool variablesEnabled)
    {
        var requestValues = context.Get(condition.Key);
        if (condition.Operator == "Null")
        {
            var absent = requestValues is null || requestValues.Count == 0;
            return condition.Values.Any(v => bool.Parse(v) == absent);
        }
        var negated = ConditionOperators.IsNegated(condition.Operator);
        if (requestValues is null || requestValues.Count == 0)
        {
            // IAM: a missing key fails a matching operator and satisfies a negated one; IfExists and
            // ForAllValues are true on a missing key, ForAnyValue is false. A key with no values (an empty
            // encryption context's kms:EncryptionContextKeys) is missing, as Null above treats it [U].
            return condition.IfExists || condition.Qualifier == SetQualifier.ForAllValues
                || (condition.Qualifier == SetQualifier.None && negated);
        }
        var policyValues = condition.Values
            .Select(v => PolicyVariables.Substitute(v, context, variablesEnabled))
            .OfType<string>()
            .ToList();
        bool Matches(string requestValue) => policyValues.Any(p => Compare(condition.Operator, requestValue, p));

        return condition.Qualifier switch
        {
            SetQualifier.ForAllValues => requestValues.All(v => Matches(v) != negated),
            SetQualifier.ForAnyValue => requestValues.Any(v => Matches(v) != negated),
            _ => negated ? !requestValues.Any(Matches) : requestValues.Any(Matches),
        };
    }

    /// <summary>The positive comparison behind an operator (its negation is applied by the caller).</summary>
    private static bool Compare(string op, string request, string policy) => op switch
    {
        "StringEquals" or "StringNotEquals" => Literal(policy) == request,
        "StringEqualsIgnoreCase" or "StringNotEqualsIgnoreCase" => string.Equals(Literal(policy), request, StringComparison.OrdinalIgnoreCase),
        "StringLike" or "StringNotLike" => Wildcard.Match(policy, request, ignoreCase: false),
        "NumericEquals" or "NumericNotEquals" => Numeric(request, policy, c => c == 0),
        "NumericLessThan" => Numeric(request, policy, c => c < 0),
        "NumericLessThanEquals" => Numeric(request, policy, c => c <= 0),
        "NumericGreaterThan" => Numeric(request, policy, c => c > 0),
        "NumericGreaterThanEquals" => Numeric(request, policy, c => c >= 0),
        "DateEquals" or "DateNotEquals" => Date(request, policy, c => c == 0),
        "DateLessThan" => Date(request, policy, c => c < 0),
        "DateLessThanEquals" => Date(request, policy, c => c <= 0),
        "DateGreaterThan" => Date(request, policy, c => c > 0),
        "DateGreaterThanEquals" => Date(request, policy, c => c >= 0),
        "Bool" => string.Equals(request, policy, StringComparison.OrdinalIgnoreCase),
        "BinaryEquals" => string.Equals(request, policy, StringComparison.Ordinal),
        "IpAddress" or "NotIpAddress" => InNetwork(request, policy),
        "ArnEquals" or "ArnNotEquals" or "ArnLike" or "ArnNotLike" => ArnMatch(policy, request),
        _ => false,
    };

    private static string Literal(string policy) =>
        policy.Replace(PolicyVariables.LiteralStar, '*').Replace(PolicyVariables.LiteralQuestion, '?');

    private static bool Numeric(string request, string policy, Func<int, bool> test) =>
        decimal.TryParse(request, NumberStyles.Float, CultureInfo.InvariantCulture, out var r)
        && decimal.TryParse(policy, NumberStyles.Float, CultureInfo.InvariantCulture, out var p)
        && test(r.CompareTo(p));

    private static bool Date(string request, string policy, Func<int, bool> test) =>
        ParseDate(request) is { } r && ParseDate(policy) is { } p && test(r.CompareTo(p));

    /// <summary>ISO 8601 (UTC unless an offset is given) or epoch seconds, as IAM accepts.</summary>
    public static DateTimeOffset? ParseDate(string value)
    {
        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            return DateTimeOffset.FromUnixTimeSeconds(epoch);
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : null;
    }

    private static bool InNetwork(string request, string policy)
    {
        if (!IPAddress.TryParse(request, out var address))
        {
            return false;
        }
        if (!policy.Contains('/', StringComparison.Ordinal))
        {
            return IPAddress.TryParse(policy, out var single) && single.Equals(address);
        }
        return IPNetwork.TryParse(policy, out var network) && network.Contains(address);
    }

    /// <summary>ARN operators compare the six colon-separated parts one by one, each with wildcards, case-sensitively.</summary>
    public static bool ArnMatch(string pattern, string arn)
    {
        var p = pattern.Split(':', 6);
        var a = arn.Split(':', 6);
        if (p.Length != 6 || a.Length != 6)
        {
            return false;
        }
        for (var i = 0; i < 6; i++)
        {
            if (!Wildcard.Match(p[i], a[i], ignoreCase: false))
            {
                return false;
            }
        }
        return true;
    }
}
