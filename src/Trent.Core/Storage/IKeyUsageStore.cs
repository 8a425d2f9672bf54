using Trent.Core.Audit;
using Trent.Core.Keys;

namespace Trent.Core.Storage;

/// <summary>The last successful cryptographic use of each key (GetKeyLastUsage), written in batches off the request path.</summary>
public interface IKeyUsageStore
{
    ValueTask<KeyLastUsage?> GetAsync(KeyArn key, CancellationToken ct = default);

    /// <summary>
    /// Stores each key's last usage in one transaction, keeping a stored one that is newer (another node may have
    /// flushed a later use); keys that no longer exist are skipped.
    /// </summary>
    ValueTask RecordAsync(IReadOnlyList<KeyUsageRecord> usages, CancellationToken ct = default);
}

/// <summary>One key's last usage, as flushed.</summary>
public sealed record KeyUsageRecord(KeyArn Key, KeyLastUsage Usage);
