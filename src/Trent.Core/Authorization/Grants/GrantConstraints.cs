namespace Trent.Core.Authorization.Grants;

/// <summary>The two kinds of grant constraint, named as the wire and the kms:GrantConstraintType condition key name them.</summary>
public enum GrantConstraintType
{
    EncryptionContextSubset,
    EncryptionContextEquals,
}

/// <summary>
/// A grant's encryption context constraint: the request's context must contain (Subset) or be (Equals) these pairs.
/// Context keys compare case-insensitively and values case-sensitively, as the KMS model documents for grant
/// constraints (the cryptographic binding of the context stays fully case-sensitive).
/// </summary>
public sealed record GrantConstraints(GrantConstraintType Type, IReadOnlyDictionary<string, string> Pairs)
{
    public const int MaxPairs = 8;
    public const int MaxValueLength = 384;

    private static readonly IReadOnlyDictionary<string, string> EmptyContext = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string>? EncryptionContextSubset => Type == GrantConstraintType.EncryptionContextSubset ? Pairs : null;

    public IReadOnlyDictionary<string, string>? EncryptionContextEquals => Type == GrantConstraintType.EncryptionContextEquals ? Pairs : null;

    /// <summary>
    /// The constraint a CreateGrant asks for, or null for none. An empty map is no constraint: Terraform sends the
    /// unset one of the two as <c>{}</c>, and AWS accepts that.
    /// </summary>
    public static GrantConstraints? From(IReadOnlyDictionary<string, string>? subset, IReadOnlyDictionary<string, string>? equals)
    {
        var hasSubset = subset is { Count: > 0 };
        var hasEquals = equals is { Count: > 0 };
        if (hasSubset && hasEquals)
        {
            // AWS's text, as Terraform's provider quotes it.
            throw KmsException.Validation("More than one constraint supplied");
        }
        if (!hasSubset && !hasEquals)
        {
            return null;
        }
        var constraints = hasSubset
            ? new GrantConstraints(GrantConstraintType.EncryptionContextSubset, subset!)
            : new GrantConstraints(GrantConstraintType.EncryptionContextEquals, equals!);
        constraints.Validate();
        return constraints;
    }

    /// <summary>Whether a request with <paramref name="context"/> (null: none) meets the constraint.</summary>
    public bool IsSatisfiedBy(IReadOnlyDictionary<string, string>? context)
    {
        context ??= EmptyContext;
        return Type == GrantConstraintType.EncryptionContextSubset ? ContainsAll(context, Pairs) : SamePairs(context, Pairs);
    }

    /// <summary>
    /// Whether a child grant's constraint is equal to or stricter than its parent's: a Subset parent admits a child
    /// (Subset or Equals) holding at least its pairs; an Equals parent admits only the same Equals.
    /// </summary>
    public static bool IsAtLeastAsStrict(GrantConstraints? child, GrantConstraints? parent) => parent switch
    {
        null => true,
        { Type: GrantConstraintType.EncryptionContextSubset } => child is not null && ContainsAll(child.Pairs, parent.Pairs),
        _ => child is { Type: GrantConstraintType.EncryptionContextEquals } && SamePairs(child.Pairs, parent.Pairs),
    };

    /// <summary>Exact equality (type, keys and values, ordinal), for CreateGrant's name idempotency.</summary>
    public static bool AreEqual(GrantConstraints? a, GrantConstraints? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.Type == b.Type && a.Pairs.Count == b.Pairs.Count
              && a.Pairs.All(p => b.Pairs.TryGetValue(p.Key, out var v) && string.Equals(v, p.Value, StringComparison.Ordinal));

    private void Validate()
    {
        // The quota is documented, AWS's wording of the refusal is not.
        if (Pairs.Count > MaxPairs)
        {
            throw KmsException.Validation($"A grant constraint can have at most {MaxPairs} encryption context pairs.");
        }
        if (Pairs.Values.Any(v => v.Length > MaxValueLength))
        {
            throw KmsException.Validation($"A grant constraint value can have at most {MaxValueLength} characters.");
        }
    }

    private static bool ContainsAll(IReadOnlyDictionary<string, string> context, IReadOnlyDictionary<string, string> pairs) =>
        pairs.All(p => Contains(context, p));

    private static bool SamePairs(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && ContainsAll(a, b) && ContainsAll(b, a);

    private static bool Contains(IReadOnlyDictionary<string, string> context, KeyValuePair<string, string> pair)
    {
        // The exact key is the common case; a linear scan is cheap for at most a handful of pairs.
        if (context.TryGetValue(pair.Key, out var exact) && string.Equals(exact, pair.Value, StringComparison.Ordinal))
        {
            return true;
        }
        foreach (var (key, value) in context)
        {
            if (string.Equals(key, pair.Key, StringComparison.OrdinalIgnoreCase) && string.Equals(value, pair.Value, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
