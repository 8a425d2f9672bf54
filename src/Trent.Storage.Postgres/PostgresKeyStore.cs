using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Storage.Postgres;

/// <summary>Keys and their material versions in PostgreSQL; aliases are in the other part of this class.</summary>
internal sealed partial class PostgresKeyStore(PostgresDatabase database) : IKeyStore
{
    private static readonly string SelectKey = $"SELECT {KeysTable.Columns} FROM keys WHERE {Rows.KeyMatches};";

    private static readonly string InsertKey = $"INSERT INTO keys ({KeysTable.Columns}) VALUES ({Rows.KeyValues});";

    // The version check makes the update a compare-and-swap: under read committed, a writer that waited for the row
    // lock re-checks the condition against the committed row, so a writer that read an older version matches no row.
    private static readonly string UpdateKey =
        $"UPDATE keys SET {Rows.KeyAssignments}, version = @version + 1 WHERE {Rows.KeyMatches} AND version = @version;";

    private static readonly string SelectMaterials =
        $"SELECT {KeyMaterialsTable.Columns} FROM key_materials WHERE {Rows.KeyMatches} ORDER BY ordinal;";

    // The key row is locked by the insert or update in the same transaction, so the next ordinal cannot race.
    private static readonly string InsertMaterial = $"""
        INSERT INTO key_materials (account_id, region, key_id, ordinal, {KeyMaterialsTable.Columns})
        VALUES (@account_id, @region, @key_id,
                (SELECT COALESCE(MAX(ordinal), 0) + 1 FROM key_materials WHERE {Rows.KeyMatches}),
                @material_id, @created_at, @rotation_type, @sealed);
        """;

    private const string SelectDue = """
        SELECT account_id, region, key_id, due FROM (
            SELECT account_id, region, key_id, deletion_date AS due FROM keys
            WHERE state = 'PendingDeletion' AND deletion_date <= @now
            UNION ALL
            SELECT account_id, region, key_id, next_rotation_date FROM keys
            WHERE state = 'Enabled' AND rotation_enabled AND next_rotation_date <= @now
        ) due_keys
        ORDER BY due, account_id, region, key_id
        LIMIT @limit;
        """;

    public ValueTask<StoredKey?> GetKeyAsync(KeyArn arn, CancellationToken ct = default) =>
        new(database.ReadAsync<StoredKey?>(async tx =>
        {
            var key = await tx.Command(SelectKey).WithArn(arn).FirstOrNullAsync(KeysTable.Read, ct);
            if (key is null)
            {
                return null;
            }
            var materials = await tx.Command(SelectMaterials).WithArn(arn).ListAsync(r => KeyMaterialsTable.Read(r), ct);
            return new StoredKey(key, materials);
        }, ct));

    public ValueTask<long?> GetKeyVersionAsync(KeyArn arn, CancellationToken ct = default) =>
        new(database.ReadAsync(async tx =>
        {
            var versions = await tx.Command($"SELECT version FROM keys WHERE {Rows.KeyMatches};").WithArn(arn).ListAsync(r => r.GetInt64(0), ct);
            return versions.Count == 0 ? (long?)null : versions[0];
        }, ct));

    public ValueTask CreateKeyAsync(KmsKey key, StoredMaterial? material, CancellationToken ct = default) =>
        new(database.WriteAsync(async tx =>
        {
            await tx.Command(InsertKey).WithKey(key).RunAsync(ct);
            if (material is not null)
            {
                await tx.Command(InsertMaterial).WithArn(key.Arn).WithMaterial(material).RunAsync(ct);
            }
        }, ct));

    public ValueTask<KmsKey?> TryUpdateKeyAsync(KmsKey key, StoredMaterial? newMaterial, CancellationToken ct = default) =>
        new(database.WriteAsync<KmsKey?>(async tx =>
        {
            if (await tx.Command(UpdateKey).WithKey(key).RunAsync(ct) == 0)
            {
                return null;
            }
            if (newMaterial is not null)
            {
                await tx.Command(InsertMaterial).WithArn(key.Arn).WithMaterial(newMaterial).RunAsync(ct);
            }
            tx.Announce(new StoreChange.Key(key.Arn));
            return key with { Version = key.Version + 1 };
        }, ct));

    public ValueTask<bool> DeleteKeyAsync(KeyArn arn, CancellationToken ct = default) =>
        new(database.WriteAsync(async tx =>
        {
            // Material rows, grants and key usage go with the key through ON DELETE CASCADE, in this transaction.
            var aliases = await tx.Command("DELETE FROM aliases WHERE account_id = @account_id AND region = @region AND target_key_id = @key_id;")
                .WithArn(arn).RunAsync(ct);
            var deleted = await tx.Command($"DELETE FROM keys WHERE {Rows.KeyMatches};").WithArn(arn).RunAsync(ct) > 0;
            if (deleted || aliases > 0)
            {
                tx.Announce(new StoreChange.Key(arn));
                tx.Announce(new StoreChange.Aliases(arn.AccountId, arn.Region));
                tx.Announce(new StoreChange.Grants(arn));
            }
            return deleted;
        }, ct));

    public ValueTask<IReadOnlyList<KeyArn>> ListKeysAsync(string accountId, string region, string? afterKeyId, int limit, CancellationToken ct = default) =>
        new(database.ReadAsync<IReadOnlyList<KeyArn>>(async tx =>
            await tx.Command("""
                SELECT account_id, region, key_id FROM keys
                WHERE account_id = @account_id AND region = @region AND (@after::text IS NULL OR key_id > @after)
                ORDER BY key_id LIMIT @limit;
                """)
                .With("account_id", accountId)
                .With("region", region)
                .With("after", afterKeyId)
                .With("limit", CheckLimit(limit))
                .ListAsync(KeysTable.ReadArn, ct), ct));

    public ValueTask<long> CountKeysAsync(string accountId, string region, CancellationToken ct = default) =>
        new(database.ReadAsync(tx =>
            tx.Command("SELECT COUNT(*) FROM keys WHERE account_id = @account_id AND region = @region;")
                .With("account_id", accountId)
                .With("region", region)
                .ScalarAsync<long>(ct), ct));

    public ValueTask<IReadOnlyList<KeyArn>> ListKeysDueAsync(DateTimeOffset now, int limit, CancellationToken ct = default) =>
        new(database.ReadAsync<IReadOnlyList<KeyArn>>(async tx =>
            await tx.Command(SelectDue).With("now", UnixMillis.From(now)).With("limit", CheckLimit(limit)).ListAsync(KeysTable.ReadArn, ct), ct));

    // A negative LIMIT is an error in PostgreSQL; a caller's negative limit is a bug either way.
    private static int CheckLimit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return limit;
    }
}
