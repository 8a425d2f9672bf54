using Trent.Core.Audit;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Storage.Sqlite;

/// <summary>Each key's last usage in SQLite: one row per key, taken along when the key row is deleted.</summary>
public sealed class SqliteKeyUsageStore : IKeyUsageStore
{
    // Skips keys deleted since their use, and keeps a newer row another node may have written.
    private static readonly string Upsert = $"""
        INSERT INTO key_usage ({KeyUsageTable.Columns})
        SELECT {KeyRows.KeyUsageValues}
        WHERE EXISTS (SELECT 1 FROM keys WHERE {KeyRows.KeyMatches})
        ON CONFLICT (account_id, region, key_id) DO UPDATE SET
            operation = excluded.operation, used_at = excluded.used_at, event_id = excluded.event_id, request_id = excluded.request_id
        WHERE excluded.used_at >= key_usage.used_at;
        """;

    private readonly SqliteDatabase database;

    internal SqliteKeyUsageStore(SqliteDatabase database) => this.database = database;

    public ValueTask<KeyLastUsage?> GetAsync(KeyArn key, CancellationToken ct = default) =>
        database.ReadAsync(tx =>
        {
            using var select = tx.Command($"SELECT {KeyUsageTable.UsageColumns} FROM key_usage WHERE {KeyRows.KeyMatches};").WithArn(key);
            using var reader = select.ExecuteReader();
            return reader.Read() ? KeyUsageTable.ReadUsage(reader, 0) : null;
        }, ct);

    public ValueTask RecordAsync(IReadOnlyList<KeyUsageRecord> usages, CancellationToken ct = default) =>
        database.WriteAsync(tx =>
        {
            using var upsert = tx.Command(Upsert);
            foreach (var (key, usage) in usages)
            {
                upsert.Parameters.Clear();
                upsert.WithKeyUsage(key, usage).ExecuteNonQuery();
            }
        }, ct);
}
