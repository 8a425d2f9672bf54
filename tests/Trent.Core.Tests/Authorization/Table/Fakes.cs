using Trent.Core.Authorization;
using Trent.Core.Authorization.Grants;
using Trent.Core.Identity;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Core.Tests.Authorization.Table;

/// <summary>The identity-based policies of the row's caller, whoever asks.</summary>
public sealed class FakeIdentityPolicies(IReadOnlyList<string> documents) : IIdentityPolicies
{
    public List<CallerIdentity> Asked { get; } = [];

    public ValueTask<IReadOnlyList<NamedPolicy>> ForAsync(CallerIdentity caller, CancellationToken ct = default)
    {
        Asked.Add(caller);
        return ValueTask.FromResult<IReadOnlyList<NamedPolicy>>(documents.Select((d, i) => new NamedPolicy($"policy-{i + 1}", d)).ToList());
    }
}

/// <summary>A grant as a row describes it: who it is for, which operations, and an optional constraint.</summary>
public sealed record FakeGrant(string Grantee, IReadOnlyList<string> Operations, GrantConstraints? Constraints = null, string GrantId = "grant-1");

/// <summary>One question the authorizer asked the grant checker.</summary>
public sealed record GrantQuery(
    KmsKey Key, CallerIdentity Caller, string Operation, IReadOnlyDictionary<string, string>? EncryptionContext, IReadOnlyList<string>? GrantTokens);

/// <summary>
/// Stands in for the grant checker: records every question, and answers with the row's grant when the grant is for
/// the caller, includes the operation, and its constraint (the real <see cref="GrantConstraints"/>) holds.
/// </summary>
public sealed class FakeGrantChecker(FakeGrant? grant) : IGrantChecker
{
    public List<GrantQuery> Asked { get; } = [];

    public ValueTask<GrantMatch?> FindAsync(
        KmsKey key, CallerIdentity caller, string operation, IReadOnlyDictionary<string, string>? encryptionContext,
        IReadOnlyList<string>? grantTokens, CancellationToken ct = default)
    {
        Asked.Add(new GrantQuery(key, caller, operation, encryptionContext, grantTokens));
        var matches = grant is not null
            && grant.Grantee == caller.PrincipalArn
            && grant.Operations.Contains(operation, StringComparer.Ordinal)
            && (grant.Constraints is null || GrantOperations.IgnoresConstraints(operation) || grant.Constraints.IsSatisfiedBy(encryptionContext));
        return ValueTask.FromResult(matches ? new GrantMatch(grant!.GrantId, null) : null);
    }
}

/// <summary>Only aliases matter to the authorizer (kms:ResourceAliases); everything else refuses.</summary>
public sealed class FakeKeyStore(IReadOnlyList<KeyAlias> aliases) : IKeyStore
{
    public int AliasListings { get; private set; }

    public ValueTask<IReadOnlyList<KeyAlias>> ListAliasesAsync(
        string accountId, string region, string? targetKeyId, string? afterAliasName, int limit, CancellationToken ct = default)
    {
        AliasListings++;
        return ValueTask.FromResult<IReadOnlyList<KeyAlias>>(aliases
            .Where(a => a.AccountId == accountId && a.Region == region && (targetKeyId is null || a.TargetKeyId == targetKeyId))
            .OrderBy(a => a.AliasName, StringComparer.Ordinal)
            .Take(limit)
            .ToList());
    }

    public ValueTask<StoredKey?> GetKeyAsync(KeyArn arn, CancellationToken ct = default) => throw Unused();

    public ValueTask CreateKeyAsync(KmsKey key, StoredMaterial? material, CancellationToken ct = default) => throw Unused();

    public ValueTask<KmsKey?> TryUpdateKeyAsync(KmsKey key, StoredMaterial? newMaterial, CancellationToken ct = default) => throw Unused();

    public ValueTask<bool> DeleteKeyAsync(KeyArn arn, CancellationToken ct = default) => throw Unused();

    public ValueTask<IReadOnlyList<KeyArn>> ListKeysAsync(string accountId, string region, string? afterKeyId, int limit, CancellationToken ct = default) =>
        throw Unused();

    public ValueTask<long> CountKeysAsync(string accountId, string region, CancellationToken ct = default) => throw Unused();

    public ValueTask<IReadOnlyList<KeyArn>> ListKeysDueAsync(DateTimeOffset now, int limit, CancellationToken ct = default) => throw Unused();

    public ValueTask<KeyAlias?> GetAliasAsync(string accountId, string region, string aliasName, CancellationToken ct = default) => throw Unused();

    public ValueTask<bool> TryCreateAliasAsync(KeyAlias alias, CancellationToken ct = default) => throw Unused();

    public ValueTask<bool> TryUpdateAliasAsync(KeyAlias alias, CancellationToken ct = default) => throw Unused();

    public ValueTask<bool> DeleteAliasAsync(string accountId, string region, string aliasName, CancellationToken ct = default) => throw Unused();

    public ValueTask<int> CountAliasesAsync(string accountId, string region, string targetKeyId, CancellationToken ct = default) => throw Unused();

    private static NotSupportedException Unused() => new("The authorizer reads only aliases from the key store.");
}
