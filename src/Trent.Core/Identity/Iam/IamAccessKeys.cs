using System.Security.Cryptography;
using System.Text;
using Trent.Core.Crypto;
using Trent.Core.Paging;
using Trent.Core.Storage;

namespace Trent.Core.Identity.Iam;

/// <summary>A new access key and its secret, which exists in plaintext only here, to be returned once.</summary>
public sealed record NewAccessKey(AccessKeyRecord Record, string? UserName, string SecretAccessKey);

/// <summary>The access keys of one principal, and the user name they are listed under (none for the account root).</summary>
public sealed record AccessKeyListing(string? UserName, Page<AccessKeyRecord> Keys);

/// <summary>
/// CreateAccessKey, ListAccessKeys, UpdateAccessKey and DeleteAccessKey, for a named user or, without a name, for the
/// caller (a user, or the account root). Secrets are sealed under the root key as the root's first key is.
/// </summary>
public sealed class IamAccessKeys(
    IIamStore store, IamUsers users, RootKey rootKey, IRandomSource random, IAccessKeyInvalidation invalidation)
{
    public async ValueTask<NewAccessKey> CreateAsync(KmsRequestContext ctx, string? userName, CancellationToken ct = default)
    {
        var owner = await OwnerAsync(ctx, userName, "iam:CreateAccessKey", ct);
        var accessKeyId = AccessKeyGenerator.NewAccessKeyId(random);
        var secret = AccessKeyGenerator.NewSecret(random);
        var record = new AccessKeyRecord(accessKeyId, ctx.AccountId, owner.Arn, owner.Type, owner.UserId, [], AccessKeyStatus.Active, ctx.Now);
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        try
        {
            record = record with { SealedSecret = rootKey.Seal(secretBytes, record.SealOwner, accessKeyId, random) };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secretBytes);
        }
        return await store.CreateAccessKeyAsync(record, IamLimits.AccessKeysPerUser, ct) switch
        {
            AccessKeyCreateOutcome.Created => new NewAccessKey(record, owner.UserName, secret),
            AccessKeyCreateOutcome.LimitExceeded => throw IamErrors.AccessKeyQuota(IamLimits.AccessKeysPerUser),
            _ => throw IamErrors.NoSuchUser(owner.UserName ?? ""),
        };
    }

    public async ValueTask<AccessKeyListing> ListAsync(
        KmsRequestContext ctx, string? userName, string? marker, int? maxItems, CancellationToken ct = default)
    {
        var owner = await OwnerAsync(ctx, userName, "iam:ListAccessKeys", ct);
        var keys = await store.ListAccessKeysAsync(ctx.AccountId, owner.UserId, ct);
        return new AccessKeyListing(owner.UserName, IamPaging.ByIndex("iam-access-keys", keys, marker, maxItems));
    }

    public async ValueTask UpdateAsync(
        KmsRequestContext ctx, string? userName, string accessKeyId, AccessKeyStatus status, CancellationToken ct = default)
    {
        var owner = await OwnerAsync(ctx, userName, "iam:UpdateAccessKey", ct);
        await RequireOwnedAsync(ctx, owner, accessKeyId, ct);
        var updated = await store.UpdateAccessKeyStatusAsync(accessKeyId, status, ct);
        invalidation.AccessKeyChanged(accessKeyId);
        if (!updated)
        {
            throw IamErrors.NoSuchAccessKey(accessKeyId);
        }
    }

    public async ValueTask DeleteAsync(KmsRequestContext ctx, string? userName, string accessKeyId, CancellationToken ct = default)
    {
        var owner = await OwnerAsync(ctx, userName, "iam:DeleteAccessKey", ct);
        await RequireOwnedAsync(ctx, owner, accessKeyId, ct);
        var deleted = await store.DeleteAccessKeyAsync(accessKeyId, ct);
        invalidation.AccessKeyChanged(accessKeyId);
        if (!deleted)
        {
            throw IamErrors.NoSuchAccessKey(accessKeyId);
        }
    }

    /// <summary>A key of another principal is reported as missing, as IAM reports it.</summary>
    private async ValueTask RequireOwnedAsync(KmsRequestContext ctx, KeyOwner owner, string accessKeyId, CancellationToken ct)
    {
        var keys = await store.ListAccessKeysAsync(ctx.AccountId, owner.UserId, ct);
        if (!keys.Any(k => k.AccessKeyId == accessKeyId))
        {
            throw IamErrors.NoSuchAccessKey(accessKeyId);
        }
    }

    /// <summary>The principal whose keys a request is about, authorized for the action on it.</summary>
    private async ValueTask<KeyOwner> OwnerAsync(KmsRequestContext ctx, string? userName, string action, CancellationToken ct)
    {
        var caller = ctx.Caller;
        if (userName is null && caller.PrincipalType == PrincipalType.Root)
        {
            return new KeyOwner(caller.PrincipalArn, PrincipalType.Root, caller.AccountId, null);
        }
        var user = await users.FindAsync(ctx, userName ?? IamUsers.CallerUserName(caller), action, ct);
        return new KeyOwner(user.Arn, PrincipalType.IAMUser, user.UserId, user.UserName);
    }

    private sealed record KeyOwner(string Arn, PrincipalType Type, string UserId, string? UserName);
}
