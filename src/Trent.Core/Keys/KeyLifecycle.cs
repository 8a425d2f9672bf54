using Trent.Core.Authorization;
using Trent.Core.Authorization.Policies;
using Trent.Core.Crypto;
using Trent.Core.Crypto.Asymmetric;
using Trent.Core.Paging;

namespace Trent.Core.Keys;

/// <summary>What CreateKey asks for, after wire validation.</summary>
public sealed record CreateKeyRequest(
    string? Policy,
    string Description,
    KeySpec KeySpec,
    KeyUsage? KeyUsage,
    KeyOrigin Origin,
    string? CustomKeyStoreId,
    string? XksKeyId,
    bool BypassPolicyLockoutSafetyCheck,
    IReadOnlyList<KeyTag> Tags,
    bool MultiRegion);

/// <summary>Creating keys and moving them through their states: enable, disable, describe, schedule and cancel deletion.</summary>
public sealed class KeyLifecycle(KeyAccess access, KeyPolicyValidator policyValidator, IRandomSource random, KmsLimits limits)
{
    public async ValueTask<KmsKey> CreateKeyAsync(KmsRequestContext ctx, CreateKeyRequest request, CancellationToken ct = default)
    {
        var usage = ValidateSpecAndUsage(request.KeySpec, request.KeyUsage);
        if (request.XksKeyId is not null && request.Origin != KeyOrigin.EXTERNAL_KEY_STORE)
        {
            throw KmsException.Validation("XksKeyId is valid only for keys with Origin EXTERNAL_KEY_STORE.");
        }
        if (request.CustomKeyStoreId is not null)
        {
            throw new KmsException(KmsErrorCode.CustomKeyStoreNotFoundException,
                $"Custom key store {request.CustomKeyStoreId} does not exist.");
        }
        if (request.Origin is KeyOrigin.AWS_CLOUDHSM or KeyOrigin.EXTERNAL_KEY_STORE)
        {
            throw new KmsException(KmsErrorCode.CustomKeyStoreInvalidStateException,
                $"Origin {request.Origin} requires a CustomKeyStoreId of a connected custom key store.");
        }
        if (request.Origin == KeyOrigin.EXTERNAL)
        {
            throw new KmsException(KmsErrorCode.UnsupportedOperationException,
                "Trent does not support importing key material yet, so keys with Origin EXTERNAL cannot be created.");
        }
        if (request.KeySpec == KeySpec.SM2)
        {
            Sm2Availability.Require(ctx, limits, "KeySpec");
        }
        KeyTags.ValidateNew(request.Tags);
        if (request.Tags.Count > KeyTags.MaxTagsPerKey)
        {
            throw new KmsException(KmsErrorCode.TagException, "Too many tags");
        }
        if (request.Policy is not null)
        {
            await policyValidator.ValidateAsync(request.Policy, ct);
        }
        var conditions = CreateKeyConditions(request, usage);
        await access.AuthorizeWithoutResourceAsync(ctx, "kms:CreateKey", conditions, ct);
        if (request.Tags.Count > 0)
        {
            await access.AuthorizeWithoutResourceAsync(ctx, "kms:TagResource", conditions, ct);
        }
        var count = await access.Catalog.Store.CountKeysAsync(ctx.AccountId, ctx.Region, ct);
        if (count >= limits.KeysPerAccountAndRegion)
        {
            throw new KmsException(KmsErrorCode.LimitExceededException,
                $"Key quota for this account in this region is {limits.KeysPerAccountAndRegion} but the current usage is {count}.");
        }

        var arn = new KeyArn(ctx.AccountId, ctx.Region, KeyIds.NewKeyId(random, request.MultiRegion));
        var key = new KmsKey
        {
            Arn = arn,
            CreationDate = ctx.Now,
            Description = request.Description,
            KeySpec = request.KeySpec,
            KeyUsage = usage,
            Origin = request.Origin,
            State = KeyState.Enabled,
            MultiRegion = request.MultiRegion,
            Policy = request.Policy ?? DefaultKeyPolicy.For(arn.Partition, ctx.AccountId),
            Tags = request.Tags,
            CurrentMaterialId = access.Catalog.NewMaterialId(),
        };
        if (request.Policy is not null && !request.BypassPolicyLockoutSafetyCheck)
        {
            await access.RequirePolicyUpdatableAsync(ctx, key, ct);
        }
        var material = NewMaterial(request.KeySpec);
        try
        {
            await access.Catalog.CreateAsync(key, material, ct);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(material);
        }
        return key with { Version = 1 };
    }

    /// <summary>A new key's material: 32 random bytes for symmetric keys, the HMAC secret, or the PKCS#8 private key.</summary>
    private byte[] NewMaterial(KeySpec spec)
    {
        if (spec == KeySpec.SYMMETRIC_DEFAULT)
        {
            var material = new byte[32];
            random.Fill(material);
            return material;
        }
        return KeyMaterialGenerator.Generate(spec, random);
    }

    /// <summary>The condition keys of a CreateKey request (IAM policies may restrict what kind of key a principal creates).</summary>
    private static ConditionValues CreateKeyConditions(CreateKeyRequest request, KeyUsage usage)
    {
        var conditions = new ConditionValues()
            .Set("kms:KeySpec", request.KeySpec.ToString())
            .Set("kms:CustomerMasterKeySpec", request.KeySpec.ToString())
            .Set("kms:KeyUsage", usage.ToString())
            .Set("kms:CustomerMasterKeyUsage", usage.ToString())
            .Set("kms:KeyOrigin", request.Origin.ToString())
            .Set("kms:MultiRegion", request.MultiRegion)
            .Set("kms:BypassPolicyLockoutSafetyCheck", request.BypassPolicyLockoutSafetyCheck)
            .WithRequestTags(request.Tags);
        if (request.MultiRegion)
        {
            conditions.Set("kms:MultiRegionKeyType", "PRIMARY");
        }
        return conditions;
    }

    /// <summary>AWS's rules for KeySpec and KeyUsage together; returns the effective usage.</summary>
    public static KeyUsage ValidateSpecAndUsage(KeySpec spec, KeyUsage? usage)
    {
        var entry = KeySpecTable.For(spec);
        if (usage is null)
        {
            if (spec != KeySpec.SYMMETRIC_DEFAULT)
            {
                throw KmsException.Validation("You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.");
            }
            return KeyUsage.ENCRYPT_DECRYPT;
        }
        if (!entry.Usages.Contains(usage.Value))
        {
            throw KmsException.Validation($"KeyUsage {usage} is not compatible with KeySpec {spec}");
        }
        return usage.Value;
    }

    public async ValueTask<KmsKey> DescribeKeyAsync(KmsRequestContext ctx, string keyId, IReadOnlyList<string>? grantTokens = null, CancellationToken ct = default)
    {
        using var lease = await access.ReadAsync(ctx, keyId, KeyIdForms.Any, "kms:DescribeKey", ct,
            new AccessDetails(GrantTokens: grantTokens));
        return lease.Key;
    }

    public async ValueTask<Page<KeyArn>> ListKeysAsync(KmsRequestContext ctx, int limit, string? marker, CancellationToken ct = default)
    {
        await access.AuthorizeWithoutResourceAsync(ctx, "kms:ListKeys", ct: ct);
        var after = Marker.Decode("ListKeys", marker);
        var keys = await access.Catalog.Store.ListKeysAsync(ctx.AccountId, ctx.Region, after, limit + 1, ct);
        if (keys.Count > limit)
        {
            var page = keys.Take(limit).ToList();
            return new Page<KeyArn>(page, Marker.Encode("ListKeys", page[^1].KeyId));
        }
        return new Page<KeyArn>(keys, null);
    }

    public ValueTask<KmsKey> EnableKeyAsync(KmsRequestContext ctx, string keyId, CancellationToken ct = default) =>
        access.ChangeAsync(ctx, keyId, "kms:EnableKey", key =>
        {
            KeyStateRules.RequireEnableDisableAllowed(key);
            return key with { State = KeyState.Enabled };
        }, ct);

    public ValueTask<KmsKey> DisableKeyAsync(KmsRequestContext ctx, string keyId, CancellationToken ct = default) =>
        access.ChangeAsync(ctx, keyId, "kms:DisableKey", key =>
        {
            KeyStateRules.RequireEnableDisableAllowed(key);
            return key with { State = KeyState.Disabled };
        }, ct);

    public ValueTask<KmsKey> UpdateKeyDescriptionAsync(KmsRequestContext ctx, string keyId, string description, CancellationToken ct = default) =>
        access.ChangeAsync(ctx, keyId, "kms:UpdateKeyDescription", key =>
        {
            KeyStateRules.RequireNotPendingDeletion(key);
            return key with { Description = description };
        }, ct);

    public ValueTask<KmsKey> ScheduleKeyDeletionAsync(KmsRequestContext ctx, string keyId, int pendingWindowInDays, CancellationToken ct = default)
    {
        if (pendingWindowInDays < limits.MinPendingWindowInDays || pendingWindowInDays > limits.MaxPendingWindowInDays)
        {
            // The model allows 1..365 (the validator words that range); the service enforces the documented window
            // with this text, as seen from real AWS for a window of 1.
            throw KmsException.Validation(
                $"PendingWindowInDays must be between {limits.MinPendingWindowInDays} and {limits.MaxPendingWindowInDays}");
        }
        return access.ChangeAsync(ctx, keyId, "kms:ScheduleKeyDeletion", key =>
        {
            KeyStateRules.RequireSchedulable(key);
            return key with { State = KeyState.PendingDeletion, DeletionDate = ctx.Now.AddDays(pendingWindowInDays) };
        }, ct, new AccessDetails(new ConditionValues().Set("kms:ScheduleKeyDeletionPendingWindowInDays", pendingWindowInDays)));
    }

    public ValueTask<KmsKey> CancelKeyDeletionAsync(KmsRequestContext ctx, string keyId, CancellationToken ct = default) =>
        access.ChangeAsync(ctx, keyId, "kms:CancelKeyDeletion", key =>
        {
            KeyStateRules.RequirePendingDeletion(key);
            return key with { State = KeyState.Disabled, DeletionDate = null };
        }, ct);

    /// <summary>Deletes a key whose waiting period has ended; false if it is not (or no longer) due.</summary>
    public async ValueTask<bool> DeleteIfDueAsync(KeyArn arn, DateTimeOffset now, CancellationToken ct = default)
    {
        var stored = await access.Catalog.Store.GetKeyAsync(arn, ct);
        if (stored is null || stored.Key.State != KeyState.PendingDeletion || stored.Key.DeletionDate > now)
        {
            return false;
        }
        return await access.Catalog.DeleteAsync(arn, ct);
    }
}
