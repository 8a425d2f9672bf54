using Trent.Core.Authorization;
using Trent.Core.Authorization.Policies;

namespace Trent.Core.Keys;

/// <summary>What a request adds to its authorization: its own condition keys, encryption context and grant tokens.</summary>
public sealed record AccessDetails(
    ConditionValues? Conditions = null, IReadOnlyDictionary<string, string>? EncryptionContext = null, IReadOnlyList<string>? GrantTokens = null);

/// <summary>
/// Resolve, authorize, then read or change a key: the shared first steps of every key operation, in AWS's order
/// (NotFound before AccessDenied before key-state errors).
/// </summary>
public sealed class KeyAccess(KeyCatalog catalog, IAuthorizer authorizer)
{
    public KeyCatalog Catalog => catalog;

    /// <summary>Leases the key named by <paramref name="keyId"/> after the caller is authorized for <paramref name="action"/>.</summary>
    public async ValueTask<KeyLease> ReadAsync(
        KmsRequestContext ctx, string keyId, KeyIdForms forms, string action, CancellationToken ct = default,
        AccessDetails? details = null)
    {
        var lease = await catalog.ResolveAsync(ctx, keyId, forms, ct);
        try
        {
            await AuthorizeAsync(ctx, action, lease.Key, WithRequestAlias(details, keyId), ct);
            return lease;
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>Commits a change to the key named by a key id or ARN, authorized for <paramref name="action"/> (same account only).</summary>
    public async ValueTask<KmsKey> ChangeAsync(
        KmsRequestContext ctx, string keyId, string action, Func<KmsKey, KeyChange> change, CancellationToken ct = default,
        AccessDetails? details = null)
    {
        var arn = await catalog.ResolveArnAsync(ctx, keyId, KeyIdForms.KeyIdOrArn, ct);
        using (var lease = await catalog.GetAsync(arn, ct))
        {
            await AuthorizeAsync(ctx, action, lease.Key, details, ct);
        }
        return await catalog.UpdateAsync(arn, change, ct);
    }

    public ValueTask AuthorizeAsync(
        KmsRequestContext ctx, string action, KmsKey key, AccessDetails? details = null, CancellationToken ct = default) =>
        authorizer.AuthorizeAsync(ctx, new AuthorizationRequest(action, key.Arn.ToString(), key)
        {
            Conditions = details?.Conditions ?? new ConditionValues(),
            EncryptionContext = details?.EncryptionContext,
            GrantTokens = details?.GrantTokens,
        }, ct);

    /// <summary>Actions on a resource other than the key itself (an alias), same account only.</summary>
    public ValueTask AuthorizeAsync(KmsRequestContext ctx, string action, string resourceArn, KmsKey? key, CancellationToken ct = default) =>
        authorizer.AuthorizeAsync(ctx, new AuthorizationRequest(action, resourceArn, key), ct);

    /// <summary>Actions without a key resource (CreateKey, ListKeys, ListAliases, GenerateRandom).</summary>
    public ValueTask AuthorizeWithoutResourceAsync(KmsRequestContext ctx, string action, ConditionValues? conditions = null, CancellationToken ct = default) =>
        authorizer.AuthorizeAsync(ctx, new AuthorizationRequest(action, null, null)
        {
            Conditions = conditions ?? new ConditionValues(),
        }, ct);

    /// <summary>
    /// The lockout safety check of CreateKey and PutKeyPolicy: unless bypassed, the new policy must still let the caller
    /// change the policy later.
    /// </summary>
    public async ValueTask RequirePolicyUpdatableAsync(KmsRequestContext ctx, KmsKey keyWithNewPolicy, CancellationToken ct = default)
    {
        if (!await authorizer.AllowsPolicyUpdateAsync(ctx, keyWithNewPolicy, ct))
        {
            throw new KmsException(KmsErrorCode.MalformedPolicyDocumentException, "The new key policy will not allow you to update the key policy in the future.");
        }
    }

    /// <summary>kms:RequestAlias: the alias name the request used to name the key, if it used one.</summary>
    private static AccessDetails? WithRequestAlias(AccessDetails? details, string keyId)
    {
        var id = KeyIdentifier.Parse(keyId);
        if (id.Kind is not (KeyIdentifierKind.AliasName or KeyIdentifierKind.AliasArn))
        {
            return details;
        }
        var conditions = new ConditionValues().Set("kms:RequestAlias", id.Value);
        if (details?.Conditions is { } given)
        {
            conditions.AddMissing(given);
        }
        return (details ?? new AccessDetails()) with { Conditions = conditions };
    }
}
