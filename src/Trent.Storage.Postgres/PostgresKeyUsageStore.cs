using Trent.Core.Audit;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Storage.Postgres;

/// <summary>Each key's last usage in PostgreSQL: one row per key, taken along when the key row is deleted.</summary>
internal sealed class PostgresKeyUsageStore(PostgresDatabase database) : IKeyUsageStore
{
    // Skips keys deleted since their use (the key row is share-locked, so it cannot vanish before the insert), and keeps
    // a newer row another node may have written.
    private static readonly string Upsert = $"""
        INSERT INTO key_usage ({KeyUsageTable.Columns})
        SELECT {Rows.KeyUsageValues}
        WHERE EXISTS (SELECT 1 FROM keys WHERE {Rows.KeyMatches} FOR KEY SHARE)
        ON CONFLICT (account_id, region, key_id) DO UPDATE SET
            operation = excluded.operation, used_at = excluded.used_at, event_id = excluded.event_id, request_id = excluded.request_id
        WHERE excluded.used_at >= key_usage.used_at;
        """;

    public ValueTask<KeyLastUsage?> GetAsync(KeyArn key, CancellationToken ct = default) =>
        new(database.ReadAsync(tx =>
            tx.Command($"SELECT {KeyUsageTable.UsageColumns} FROM key_usage WHERE {Rows.KeyMatches};")
                .WithArn(key)
                .FirstOrNullAsync(r => KeyUsageTable.ReadUsage(r, 0), ct), ct));

    public ValueTask RecordAsync(IReadOnlyList<KeyUsageRecord> usages, CancellationToken ct = default) =>
        new(database.WriteAsync(async tx =>
        {
            foreach (var (key, usage) in usages)
            {
                await tx.Command(Upsert).WithKeyUsage(key, usage).RunAsync(ct);
            }
        }, ct));
}
