using Trent.Core.Paging;

namespace Trent.Core.Keys;

/// <summary>CreateAlias, UpdateAlias, DeleteAlias and ListAliases with AWS's naming rules and errors.</summary>
public sealed class AliasService(KeyAccess access, KmsLimits limits)
{
    private const string Prefix = "alias/";
    private const string ReservedPrefix = "alias/aws/";

    public async ValueTask CreateAliasAsync(KmsRequestContext ctx, string aliasName, string targetKeyId, CancellationToken ct = default)
    {
        ValidateName(aliasName, creating: true);
        var aliasArn = KeyAlias.AliasArn(ctx.AccountId, ctx.Region, aliasName);
        var arn = await access.Catalog.ResolveArnAsync(ctx, targetKeyId, KeyIdForms.KeyIdOrArn, ct);
        using var lease = await access.Catalog.GetAsync(arn, ct);
        var key = lease.Key;
        await access.AuthorizeAsync(ctx, "kms:CreateAlias", aliasArn, null, ct);
        await access.AuthorizeAsync(ctx, "kms:CreateAlias", key.Arn.ToString(), key, ct);
        RequireSameAccount(ctx, key);
        KeyStateRules.RequireNotPendingDeletion(key);
        await RequireRoomForAnotherAliasAsync(ctx, key, ct);
        var alias = new KeyAlias(ctx.AccountId, ctx.Region, aliasName, key.KeyId, ctx.Now, ctx.Now);
        if (!await access.Catalog.TryCreateAliasAsync(alias, ct))
        {
            throw new KmsException(KmsErrorCode.AlreadyExistsException, $"An alias with the name {aliasArn} already exists");
        }
    }

    public async ValueTask UpdateAliasAsync(KmsRequestContext ctx, string aliasName, string targetKeyId, CancellationToken ct = default)
    {
        ValidateName(aliasName, creating: false);
        var aliasArn = KeyAlias.AliasArn(ctx.AccountId, ctx.Region, aliasName);
        var existing = await access.Catalog.Store.GetAliasAsync(ctx.AccountId, ctx.Region, aliasName, ct)
            ?? throw KmsException.NotFound($"Alias {aliasArn} is not found.");
        var arn = await access.Catalog.ResolveArnAsync(ctx, targetKeyId, KeyIdForms.KeyIdOrArn, ct);
        using var target = await access.Catalog.GetAsync(arn, ct);
        using var current = await access.Catalog.TryGetAsync(new KeyArn(ctx.AccountId, ctx.Region, existing.TargetKeyId), ct);
        await access.AuthorizeAsync(ctx, "kms:UpdateAlias", aliasArn, null, ct);
        if (current is { } c)
        {
            await access.AuthorizeAsync(ctx, "kms:UpdateAlias", c.Key.Arn.ToString(), c.Key, ct);
        }
        await access.AuthorizeAsync(ctx, "kms:UpdateAlias", target.Key.Arn.ToString(), target.Key, ct);
        RequireSameAccount(ctx, target.Key);
        KeyStateRules.RequireNotPendingDeletion(target.Key);
        if (current is { } old && (KeyType(old.Key) != KeyType(target.Key) || old.Key.KeyUsage != target.Key.KeyUsage))
        {
            throw KmsException.Validation(
                $"{target.Key.Arn} is not compatible with alias {aliasArn}: the new target must have the same key type and key usage as the current target.");
        }
        if (existing.TargetKeyId != target.Key.KeyId)
        {
            // The per-key alias quota binds UpdateAlias as it binds CreateAlias: the new target gains an alias.
            await RequireRoomForAnotherAliasAsync(ctx, target.Key, ct);
        }
        var updated = existing with { TargetKeyId = target.Key.KeyId, LastUpdatedDate = ctx.Now };
        if (!await access.Catalog.TryUpdateAliasAsync(updated, ct))
        {
            throw KmsException.NotFound($"Alias {aliasArn} is not found.");
        }
    }

    public async ValueTask DeleteAliasAsync(KmsRequestContext ctx, string aliasName, CancellationToken ct = default)
    {
        ValidateName(aliasName, creating: false);
        var aliasArn = KeyAlias.AliasArn(ctx.AccountId, ctx.Region, aliasName);
        var existing = await access.Catalog.Store.GetAliasAsync(ctx.AccountId, ctx.Region, aliasName, ct)
            ?? throw KmsException.NotFound($"Alias {aliasArn} is not found.");
        await access.AuthorizeAsync(ctx, "kms:DeleteAlias", aliasArn, null, ct);
        using (var target = await access.Catalog.TryGetAsync(new KeyArn(ctx.AccountId, ctx.Region, existing.TargetKeyId), ct))
        {
            if (target is { } t)
            {
                await access.AuthorizeAsync(ctx, "kms:DeleteAlias", t.Key.Arn.ToString(), t.Key, ct);
            }
        }
        if (!await access.Catalog.DeleteAliasAsync(ctx.AccountId, ctx.Region, aliasName, ct))
        {
            throw KmsException.NotFound($"Alias {aliasArn} is not found.");
        }
    }

    public async ValueTask<Page<KeyAlias>> ListAliasesAsync(KmsRequestContext ctx, string? keyId, int limit, string? marker, CancellationToken ct = default)
    {
        await access.AuthorizeWithoutResourceAsync(ctx, "kms:ListAliases", ct: ct);
        string? filter = null;
        if (keyId is not null)
        {
            var arn = await access.Catalog.ResolveArnAsync(ctx, keyId, KeyIdForms.KeyIdOrArn, ct);
            using var lease = await access.Catalog.GetAsync(arn, ct);
            RequireSameAccount(ctx, lease.Key);
            filter = lease.Key.KeyId;
        }
        var after = Marker.Decode("ListAliases", marker);
        var aliases = await access.Catalog.Store.ListAliasesAsync(ctx.AccountId, ctx.Region, filter, after, limit + 1, ct);
        if (aliases.Count > limit)
        {
            var page = aliases.Take(limit).ToList();
            return new Page<KeyAlias>(page, Marker.Encode("ListAliases", page[^1].AliasName));
        }
        return new Page<KeyAlias>(aliases, null);
    }

    /// <summary>
    /// The model allows <c>^[a-zA-Z0-9:/_-]+$</c>; the service further requires the <c>alias/</c> prefix and, for a new
    /// alias, a name without ':' outside <c>alias/aws/</c> (kept for AWS managed keys). UpdateAlias and DeleteAlias
    /// do not list InvalidAliasNameException: a name no alias can have is simply not found there.
    /// </summary>
    private static void ValidateName(string aliasName, bool creating)
    {
        if (!aliasName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw KmsException.Validation(
                "Alias must start with the prefix \"alias/\". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html");
        }
        if (!creating)
        {
            return;
        }
        if (aliasName.Length == Prefix.Length || aliasName.AsSpan(Prefix.Length).Contains(':'))
        {
            throw new KmsException(KmsErrorCode.InvalidAliasNameException,
                $"Alias name {aliasName} is not valid: after alias/ it may contain only letters, digits, '/', '_' and '-'.");
        }
        if (aliasName.StartsWith(ReservedPrefix, StringComparison.Ordinal))
        {
            throw new KmsException(KmsErrorCode.InvalidAliasNameException,
                "Alias names that begin with alias/aws/ are reserved for AWS managed keys.");
        }
    }

    private async ValueTask RequireRoomForAnotherAliasAsync(KmsRequestContext ctx, KmsKey key, CancellationToken ct)
    {
        if (await access.Catalog.Store.CountAliasesAsync(ctx.AccountId, ctx.Region, key.KeyId, ct) >= limits.AliasesPerKey)
        {
            throw new KmsException(KmsErrorCode.LimitExceededException,
                $"The number of aliases for {key.Arn} would exceed the limit of {limits.AliasesPerKey}.");
        }
    }

    private static int KeyType(KmsKey key) =>
        key.IsSymmetricEncryption ? 0 : key.KeyUsage == KeyUsage.GENERATE_VERIFY_MAC ? 2 : 1;

    private static void RequireSameAccount(KmsRequestContext ctx, KmsKey key)
    {
        if (key.Arn.AccountId != ctx.AccountId)
        {
            throw KeyCatalog.NotFound(key.Arn);
        }
    }

}
