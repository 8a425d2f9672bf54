using Trent.Core.Keys;

namespace Trent.Core.Audit;

/// <summary>What GetKeyLastUsage answers.</summary>
/// <param name="LastUsage">Null when the key has not been used since <paramref name="TrackingStartDate"/>.</param>
public sealed record KeyLastUsageReport(KmsKey Key, KeyLastUsage? LastUsage, DateTimeOffset TrackingStartDate);

/// <summary>
/// GetKeyLastUsage: the last successful cryptographic operation on a key, and since when Trent has been tracking it
/// (the later of when this deployment started tracking and when the key was created).
/// </summary>
public sealed class KeyLastUsageService(KeyAccess access, KeyUsageTracker tracker, TrackingStart trackingStart)
{
    public async ValueTask<KeyLastUsageReport> GetAsync(KmsRequestContext ctx, string keyId, CancellationToken ct = default)
    {
        // Key id or key ARN only, the key's own account only, and every key state: as AWS documents it.
        using var lease = await access.ReadAsync(ctx, keyId, KeyIdForms.KeyIdOrArn, "kms:GetKeyLastUsage", ct);
        var key = lease.Key;
        var usage = await tracker.GetAsync(key.Arn, ct);
        var trackingStarted = await trackingStart.GetAsync(ct);
        var start = key.CreationDate > trackingStarted ? key.CreationDate : trackingStarted;
        return new KeyLastUsageReport(key, usage, start);
    }
}
