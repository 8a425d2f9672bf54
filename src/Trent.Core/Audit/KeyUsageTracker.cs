using System.Collections.Concurrent;
using System.Collections.Frozen;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Core.Audit;

/// <summary>
/// Tracks each key's last successful cryptographic use in memory and flushes the changes to the store in batches, so
/// that Encrypt and Decrypt gain no database write. Until a flush, reads see the newer of the pending and stored use.
/// </summary>
public sealed class KeyUsageTracker(IKeyUsageStore store)
{
    /// <summary>The operations GetKeyLastUsage reports (the model's KeyLastUsageTrackingOperation).</summary>
    public static readonly FrozenSet<string> TrackedOperations = FrozenSet.Create(StringComparer.Ordinal,
        "Decrypt", "DeriveSharedSecret", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
        "GenerateDataKeyWithoutPlaintext", "GenerateMac", "ReEncrypt", "Sign", "Verify", "VerifyMac");

    // Keyed by the key ARN string as the request trace holds it; parsed only when flushed.
    private readonly ConcurrentDictionary<string, KeyLastUsage> _pending = new(StringComparer.Ordinal);

    public static bool IsTracked(string operation) => TrackedOperations.Contains(operation);

    /// <summary>Notes a successful use; a concurrent later use of the same key wins.</summary>
    public void Record(string keyArn, KeyLastUsage usage) =>
        _pending.AddOrUpdate(
            keyArn, static (_, next) => next, static (_, current, next) => next.Timestamp >= current.Timestamp ? next : current, usage);

    public async ValueTask<KeyLastUsage?> GetAsync(KeyArn key, CancellationToken ct = default)
    {
        var stored = await store.GetAsync(key, ct);
        return _pending.TryGetValue(key.ToString(), out var pending) && (stored is null || pending.Timestamp >= stored.Timestamp)
            ? pending
            : stored;
    }

    /// <summary>
    /// Writes the pending uses in one batch; returns how many. An entry is dropped from memory only if no newer use
    /// replaced it meanwhile; a failed write keeps everything for the next flush.
    /// </summary>
    public async Task<int> FlushAsync(CancellationToken ct = default)
    {
        if (_pending.IsEmpty)
        {
            return 0;
        }
        var batch = _pending.ToArray();
        var records = new List<KeyUsageRecord>(batch.Length);
        foreach (var (arn, usage) in batch)
        {
            var id = KeyIdentifier.Parse(arn);
            records.Add(new KeyUsageRecord(new KeyArn(id.AccountId!, id.Region!, id.Value), usage));
        }
        await store.RecordAsync(records, ct);
        foreach (var entry in batch)
        {
            _pending.TryRemove(entry);
        }
        return records.Count;
    }
}
