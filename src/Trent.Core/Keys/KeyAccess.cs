using Trent.Core.Authorization;

namespace Trent.Core.Keys;

/// <summary>
/// Resolve, authorize, then read or change a key: the shared first steps of every key operation, in AWS's order
/// (NotFound before AccessDenied before key-state errors).
/// </summary>
public sealed class KeyAccess(KeyCatalog catalog, IAuthorizer authorizer)
{
    public KeyCatalog Catalog => catalog;

    /// <summary>Leases the key named by <paramref name="keyId"/> after the caller is authorized for <paramref name="action"/>.</summary>
    public async ValueTask<KeyLease> ReadAsync(
        KmsRequestContext ctx, string keyId, KeyIdForms forms, string action, bool crossAccount, CancellationToken ct = default)
    {
        var lease = await catalog.ResolveAsync(ctx, keyId, forms, ct);
        try
        {
            Authorize(ctx, action, lease.Key, crossAccount);
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
        KmsRequestContext ctx, string keyId, string action, Func<KmsKey, KeyChange> change, CancellationToken ct = default)
    {
        var arn = await catalog.ResolveArnAsync(ctx, keyId, KeyIdForms.KeyIdOrArn, ct);
        return await catalog.UpdateAsync(arn, key =>
        {
            Authorize(ctx, action, key, crossAccount: false);
            return change(key);
        }, ct);
    }

    public void Authorize(KmsRequestContext ctx, string action, KmsKey key, bool crossAccount) =>
        authorizer.Authorize(ctx, new AuthorizationRequest(action, key.Arn.ToString(), key, crossAccount));

    /// <summary>Actions on a resource other than the key itself (an alias), same account only.</summary>
    public void Authorize(KmsRequestContext ctx, string action, string resourceArn, KmsKey? key) =>
        authorizer.Authorize(ctx, new AuthorizationRequest(action, resourceArn, key, CrossAccountAllowed: false));

    /// <summary>Actions without a key resource (CreateKey, ListKeys, ListAliases, GenerateRandom).</summary>
    public void AuthorizeWithoutResource(KmsRequestContext ctx, string action) =>
        authorizer.Authorize(ctx, new AuthorizationRequest(action, null, null, CrossAccountAllowed: false));
}
