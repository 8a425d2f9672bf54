using Microsoft.Data.Sqlite;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Storage.Sqlite;

/// <summary>Keys and their material versions in SQLite; aliases are in the other part of this class.</summary>
public sealed partial class SqliteKeyStore : IKeyStore
{
    private static readonly string SelectKey = $"SELECT {KeysTable.Columns} FROM keys WHERE {KeyRows.KeyMatches};";

    private static readonly string InsertKey = $"INSERT INTO keys ({KeysTable.Columns}) VALUES ({KeyRows.KeyValues});";

    // The version check makes the update a compare-and-swap: a writer that read an older version matches no row.
    private static readonly string UpdateKey =
        $"UPDATE keys SET {KeyRows.KeyAssignments}, version = $version + 1 WHERE {KeyRows.KeyMatches} AND version = $version;";

    private static readonly string SelectMaterials =
        $"SELECT {KeyMaterialsTable.Columns} FROM key_materials WHERE {KeyRows.KeyMatches} ORDER BY ordinal;";

    private static readonly string InsertMaterial = $"""
        INSERT INTO key_materials (account_id, region, key_id, ordinal, {KeyMaterialsTable.Columns})
        VALUES ($account_id, $region, $key_id,
                (SELECT COALESCE(MAX(ordinal), 0) + 1 FROM key_materials WHERE {KeyRows.KeyMatches}),
                $material_id, $created_at, $rotation_type, $sealed);
        """;

    // The literals match the partial indexes keys_deletion_due and keys_rotation_due, which serve each half in due order.
    internal const string SelectDue = """
        SELECT account_id, region, key_id, deletion_date AS due FROM keys
        WHERE state = 'PendingDeletion' AND deletion_date <= $now
        UNION ALL
        SELECT account_id, region, key_id, next_rotation_date FROM keys
        WHERE state = 'Enabled' AND rotation_enabled = 1 AND next_rotation_date <= $now
        ORDER BY due, account_id, region, key_id
        LIMIT $limit;
        """;

    private readonly SqliteDatabase database;

    internal SqliteKeyStore(SqliteDatabase database) => this.database = database;

    public ValueTask<StoredKey?> GetKeyAsync(KeyArn arn, CancellationToken ct = default) =>
        database.ReadAsync(tx =>
        {
            KmsKey key;
            using (var select = tx.Command(SelectKey).WithArn(arn))
            using (var row = select.ExecuteReader())
            {
                if (!row.Read())
                {
                    return null;
                }
                key = KeysTable.Read(row);
            }
            var materials = new List<StoredMaterial>();
            using (var select = tx.Command(SelectMaterials).WithArn(arn))
            using (var row = select.ExecuteReader())
            {
                while (row.Read())
                {
                    materials.Add(KeyMaterialsTable.Read(row));
                }
            }
            return new StoredKey(key, materials);
        }, ct);

    // Concurrent CreateKeys share a commit: inserting a new key contends with no other insert.
    public ValueTask CreateKeyAsync(KmsKey key, StoredMaterial? material, CancellationToken ct = default) =>
        database.WriteGroupedAsync(tx =>
        {
            using (var insert = tx.Command(InsertKey).WithKey(key))
            {
                insert.ExecuteNonQuery();
            }
            if (material is not null)
            {
                AddMaterial(tx, key.Arn, material);
            }
        }, ct);

    public ValueTask<KmsKey?> TryUpdateKeyAsync(KmsKey key, StoredMaterial? newMaterial, CancellationToken ct = default) =>
        database.WriteAsync(tx =>
        {
            using (var update = tx.Command(UpdateKey).WithKey(key))
            {
                if (update.ExecuteNonQuery() == 0)
                {
                    return null;
                }
            }
            if (newMaterial is not null)
            {
                AddMaterial(tx, key.Arn, newMaterial);
            }
            return key with { Version = key.Version + 1 };
        }, ct);

    public ValueTask<bool> DeleteKeyAsync(KeyArn arn, CancellationToken ct = default) =>
        database.WriteAsync(tx =>
        {
            // Material rows and grants go with the key through their foreign keys' ON DELETE CASCADE, in this transaction.
            using (var deleteAliases = tx.Command(
                "DELETE FROM aliases WHERE account_id = $account_id AND region = $region AND target_key_id = $key_id;"))
            {
                deleteAliases.WithArn(arn).ExecuteNonQuery();
            }
            using var deleteKey = tx.Command($"DELETE FROM keys WHERE {KeyRows.KeyMatches};").WithArn(arn);
            return deleteKey.ExecuteNonQuery() > 0;
        }, ct);

    public ValueTask<IReadOnlyList<KeyArn>> ListKeysAsync(
        string accountId, string region, string? afterKeyId, int limit, CancellationToken ct = default) =>
        database.ReadAsync(tx =>
        {
            var sql = afterKeyId is null
                ? "SELECT account_id, region, key_id FROM keys WHERE account_id = $account_id AND region = $region ORDER BY key_id LIMIT $limit;"
                : "SELECT account_id, region, key_id FROM keys WHERE account_id = $account_id AND region = $region AND key_id > $after ORDER BY key_id LIMIT $limit;";
            using var select = tx.Command(sql)
                .With("$account_id", accountId)
                .With("$region", region)
                .With("$after", afterKeyId)
                .With("$limit", CheckLimit(limit));
            return ReadArns(select);
        }, ct);

    public ValueTask<long> CountKeysAsync(string accountId, string region, CancellationToken ct = default) =>
        database.ReadAsync(tx =>
        {
            // Kept by triggers (migration 0005), so the quota check does not scan the account's keys.
            using var count = tx.Command("SELECT count FROM key_counts WHERE account_id = $account_id AND region = $region;")
                .With("$account_id", accountId)
                .With("$region", region);
            return count.ExecuteScalar() is long stored ? stored : 0;
        }, ct);

    public ValueTask<IReadOnlyList<KeyArn>> ListKeysDueAsync(DateTimeOffset now, int limit, CancellationToken ct = default) =>
        database.ReadAsync(tx =>
        {
            using var select = tx.Command(SelectDue).With("$now", UnixMillis.From(now)).With("$limit", CheckLimit(limit));
            return ReadArns(select);
        }, ct);

    private static void AddMaterial(SqliteTransaction tx, KeyArn arn, StoredMaterial material)
    {
        using var insert = tx.Command(InsertMaterial).WithArn(arn).WithMaterial(material);
        insert.ExecuteNonQuery();
    }

    private static IReadOnlyList<KeyArn> ReadArns(SqliteCommand select)
    {
        var arns = new List<KeyArn>();
        using var row = select.ExecuteReader();
        while (row.Read())
        {
            arns.Add(KeysTable.ReadArn(row));
        }
        return arns;
    }

    // SQLite reads a negative LIMIT as "no limit"; a caller's negative limit is a bug, not a request for everything.
    private static int CheckLimit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return limit;
    }
}
