using Trent.Core.Authorization.Policies;
using Trent.Core.Paging;

namespace Trent.Core.Keys;

/// <summary>GetKeyRotationStatus as AWS reports it.</summary>
public sealed record RotationStatus(KmsKey Key, bool Enabled, int? PeriodInDays, DateTimeOffset? NextRotationDate);

/// <summary>One entry of ListKeyRotations.</summary>
public sealed record RotationEntry(string KeyId, KeyMaterialInfo Material, bool IsCurrent);

/// <summary>Automatic and on-demand rotation: every rotation adds a material version; old versions keep decrypting.</summary>
public sealed class KeyRotation(KeyAccess access, KmsLimits limits)
{
    public const int MinPeriodInDays = 90;
    public const int MaxPeriodInDays = 2560;

    public ValueTask<KmsKey> EnableKeyRotationAsync(KmsRequestContext ctx, string keyId, int? periodInDays, CancellationToken ct = default) =>
        access.ChangeAsync(ctx, keyId, "kms:EnableKeyRotation", key =>
        {
            RequireRotatable(key);
            var period = periodInDays ?? KeyRotationSettings.DefaultPeriodInDays;
            // A new period on an enabled key moves the next date relative to the last one.
            var next = key.Rotation is { Enabled: true, NextRotationDate: { } current }
                ? current.AddDays(period - key.Rotation.PeriodInDays)
                : ctx.Now.AddDays(period);
            return key with { Rotation = new KeyRotationSettings(true, period, next) };
        }, ct, new AccessDetails(new ConditionValues().Set("kms:RotationPeriodInDays", periodInDays ?? KeyRotationSettings.DefaultPeriodInDays)));

    public ValueTask<KmsKey> DisableKeyRotationAsync(KmsRequestContext ctx, string keyId, CancellationToken ct = default) =>
        access.ChangeAsync(ctx, keyId, "kms:DisableKeyRotation", key =>
        {
            RequireRotatable(key);
            return key with { Rotation = key.Rotation with { Enabled = false, NextRotationDate = null } };
        }, ct);

    public async ValueTask<RotationStatus> GetKeyRotationStatusAsync(KmsRequestContext ctx, string keyId, CancellationToken ct = default)
    {
        using var lease = await access.ReadAsync(ctx, keyId, KeyIdForms.KeyIdOrArn, "kms:GetKeyRotationStatus", ct);
        var key = lease.Key;
        RequireRotationSupported(key);
        // Rotation is paused while the key waits for deletion, and AWS reports it as off.
        var enabled = key.Rotation.Enabled && key.State is not (KeyState.PendingDeletion or KeyState.PendingReplicaDeletion);
        return enabled
            ? new RotationStatus(key, true, key.Rotation.PeriodInDays, key.Rotation.NextRotationDate)
            : new RotationStatus(key, false, null, null);
    }

    public async ValueTask<KmsKey> RotateKeyOnDemandAsync(KmsRequestContext ctx, string keyId, CancellationToken ct = default)
    {
        KeyArn arn;
        using (var lease = await access.ReadAsync(ctx, keyId, KeyIdForms.KeyIdOrArn, "kms:RotateKeyOnDemand", ct))
        {
            arn = lease.Key.Arn;
        }
        return await access.Catalog.UpdateAsync(arn, (Storage.StoredKey stored) =>
        {
            var key = stored.Key;
            RequireRotationSupported(key);
            KeyStateRules.RequireUsable(key);
            if (stored.Materials.Count(m => m.Info.RotationType == RotationType.ON_DEMAND) >= limits.OnDemandRotationsPerKey)
            {
                throw new KmsException(KmsErrorCode.LimitExceededException,
                    $"The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: {key.Arn}");
            }
            return AddMaterial(key, ctx.Now, RotationType.ON_DEMAND);
        }, ct);
    }

    public async ValueTask<Page<RotationEntry>> ListKeyRotationsAsync(
        KmsRequestContext ctx, string keyId, bool includeAllMaterial, int limit, string? marker, CancellationToken ct = default)
    {
        using var lease = await access.ReadAsync(ctx, keyId, KeyIdForms.KeyIdOrArn, "kms:ListKeyRotations", ct);
        var key = lease.Key;
        RequireRotationSupported(key);
        var entries = lease.Live.MaterialInfos
            .Where(m => includeAllMaterial || m.RotationType is not null)
            .Select(m => new RotationEntry(key.KeyId, m, m.MaterialId == key.CurrentMaterialId))
            .ToList();
        return Marker.PageByIndex("ListKeyRotations", entries, marker, limit);
    }

    /// <summary>Rotates a key whose next automatic rotation date has passed; false if it is not due.</summary>
    public async ValueTask<bool> RotateIfDueAsync(KeyArn arn, DateTimeOffset now, CancellationToken ct = default)
    {
        var stored = await access.Catalog.Store.GetKeyAsync(arn, ct);
        if (stored is null || !IsDue(stored.Key, now))
        {
            return false;
        }
        await access.Catalog.UpdateAsync(arn, key =>
        {
            if (!IsDue(key, now))
            {
                return key;
            }
            var change = AddMaterial(key, now, RotationType.AUTOMATIC);
            // The schedule keeps its anchor (every period from the date rotation was enabled), however late the sweep
            // runs; after a long pause (a disabled key) it restarts from now, so the key does not rotate twice.
            var next = key.Rotation.NextRotationDate!.Value.AddDays(key.Rotation.PeriodInDays);
            if (next <= now)
            {
                next = now.AddDays(key.Rotation.PeriodInDays);
            }
            return change with { Key = change.Key with { Rotation = key.Rotation with { NextRotationDate = next } } };
        }, ct);
        return true;
    }

    private static bool IsDue(KmsKey key, DateTimeOffset now) =>
        key.State == KeyState.Enabled && key.Rotation is { Enabled: true, NextRotationDate: { } next } && next <= now;

    private KeyChange AddMaterial(KmsKey key, DateTimeOffset now, RotationType type)
    {
        var material = access.Catalog.NewMaterial(key.Arn, now, type);
        return new KeyChange(key with { CurrentMaterialId = material.Info.MaterialId }, material);
    }

    /// <summary>Automatic rotation: only symmetric encryption keys with AWS_KMS material.</summary>
    private static void RequireRotatable(KmsKey key)
    {
        RequireRotationSupported(key);
        if (key.State == KeyState.Disabled)
        {
            throw KeyStateRules.StateError(key);
        }
        KeyStateRules.RequireNotPendingDeletion(key);
        if (key.State != KeyState.Enabled)
        {
            throw KeyStateRules.StateError(key);
        }
    }

    private static void RequireRotationSupported(KmsKey key)
    {
        if (key.Origin == KeyOrigin.EXTERNAL)
        {
            throw new KmsException(KmsErrorCode.UnsupportedOperationException,
                $"{key.Arn} origin is EXTERNAL which is not valid for this operation.");
        }
        if (!key.IsSymmetricEncryption || key.Origin != KeyOrigin.AWS_KMS)
        {
            throw new KmsException(KmsErrorCode.UnsupportedOperationException,
                $"{key.Arn} does not support key rotation. Only symmetric encryption keys with key material from AWS_KMS can be rotated.");
        }
    }
}
