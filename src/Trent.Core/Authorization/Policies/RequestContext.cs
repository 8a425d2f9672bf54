using Trent.Core.Identity;

namespace Trent.Core.Authorization.Policies;

/// <summary>
/// The condition keys of one request, keyed case-insensitively as IAM compares condition key names. A key is
/// absent when the request does not carry it; multi-valued keys (kms:EncryptionContextKeys, aws:TagKeys, ...)
/// hold several values.
/// </summary>
public sealed class ConditionValues
{
    private readonly Dictionary<string, IReadOnlyList<string>> _values = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> All => _values;

    public IReadOnlyList<string>? Get(string key) => _values.GetValueOrDefault(key);

    public ConditionValues Set(string key, string? value)
    {
        if (value is not null)
        {
            _values[key] = [value];
        }
        return this;
    }

    public ConditionValues Set(string key, bool value) => Set(key, value ? "true" : "false");

    public ConditionValues Set(string key, long value) => Set(key, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public ConditionValues SetMany(string key, IEnumerable<string>? values)
    {
        if (values is not null)
        {
            _values[key] = values.ToList();
        }
        return this;
    }

    /// <summary>Copies every key of <paramref name="other"/> that this set does not have yet.</summary>
    public ConditionValues AddMissing(ConditionValues other)
    {
        foreach (var (key, values) in other._values)
        {
            _values.TryAdd(key, values);
        }
        return this;
    }
}

/// <summary>One question to a policy: may this caller do this action on this resource, given these condition keys?</summary>
/// <param name="Resource">The resource ARN; null for actions without a resource (kms:CreateKey, kms:ListKeys, ...).</param>
public sealed record RequestContext(CallerIdentity Caller, string Action, string? Resource, ConditionValues Conditions);
