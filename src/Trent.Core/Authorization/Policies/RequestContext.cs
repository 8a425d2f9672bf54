using Trent.Core.Identity;

namespace Trent.Core.Authorization.Policies;

/// <summary>
/// The condition keys of one request, keyed case-insensitively as IAM compares condition key names. A key is
/// absent when the request does not carry it; multi-valued keys (kms:EncryptionContextKeys, aws:TagKeys, ...)
/// hold several values. Sources added with <see cref="AddMissingLater"/> are built only when a key is looked up
/// that the set does not hold yet: most policies ask for no condition key, and building the caller's, the key's and
/// the encryption context's keys for every request was about half of what a request allocated.
/// </summary>
public sealed class ConditionValues
{
    private readonly Dictionary<string, IReadOnlyList<string>> _values = new(StringComparer.OrdinalIgnoreCase);

    // Applied in order, each as AddMissing, which gives the same set as applying them when they were added: a key
    // set since is kept either way, and a key held by an earlier source wins over a later one either way.
    private List<Func<ConditionValues>>? _pending;

    public IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> All
    {
        get
        {
            Materialize();
            return _values;
        }
    }

    public IReadOnlyList<string>? Get(string key)
    {
        if (_values.TryGetValue(key, out var values))
        {
            return values;
        }
        return Materialize() ? _values.GetValueOrDefault(key) : null;
    }

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
        if (_pending is null)
        {
            CopyMissing(other._values);
        }
        else if (other._values.Count > 0)
        {
            // Keys of this set's pending sources come first; other's keys wait behind them, as they are now.
            var snapshot = new ConditionValues();
            snapshot.CopyMissing(other._values);
            _pending.Add(() => snapshot);
        }
        if (other._pending is { } later)
        {
            (_pending ??= []).AddRange(later);
        }
        return this;
    }

    /// <summary>As <see cref="AddMissing"/> with what <paramref name="source"/> builds, built only if a lookup needs it.</summary>
    public ConditionValues AddMissingLater(Func<ConditionValues> source)
    {
        (_pending ??= []).Add(source);
        return this;
    }

    private void CopyMissing(Dictionary<string, IReadOnlyList<string>> values)
    {
        foreach (var (key, value) in values)
        {
            _values.TryAdd(key, value);
        }
    }

    /// <summary>Applies the pending sources (and theirs, in order); false when there were none.</summary>
    private bool Materialize()
    {
        if (_pending is null)
        {
            return false;
        }
        while (_pending is { } pending)
        {
            _pending = null;
            foreach (var source in pending)
            {
                AddMissing(source());
            }
        }
        return true;
    }
}

/// <summary>One question to a policy: may this caller do this action on this resource, given these condition keys?</summary>
/// <param name="Resource">The resource ARN; null for actions without a resource (kms:CreateKey, kms:ListKeys, ...).</param>
public sealed record RequestContext(CallerIdentity Caller, string Action, string? Resource, ConditionValues Conditions);
