using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Storage.Postgres;

// Aliases: names in an account and region pointing at one key. Creating one announces nothing: no cache holds an
// alias's absence.
internal sealed partial class PostgresKeyStore
{
    public ValueTask<KeyAlias?> GetAliasAsync(string accountId, string region, string aliasName, CancellationToken ct = default) =>
        new(database.ReadAsync(tx =>
            tx.Command($"SELECT {AliasesTable.Columns} FROM aliases WHERE {Rows.AliasMatches};")
                .WithAliasName(accountId, region, aliasName)
                .FirstOrNullAsync(AliasesTable.Read, ct), ct));

    public ValueTask<bool> TryCreateAliasAsync(KeyAlias alias, CancellationToken ct = default) =>
        new(database.WriteAsync(async tx =>
            // Only a primary-key conflict means "exists"; any other constraint failure still throws.
            await tx.Command($"""
                INSERT INTO aliases ({AliasesTable.Columns}) VALUES ({Rows.AliasValues})
                ON CONFLICT (account_id, region, alias_name) DO NOTHING;
                """).WithAlias(alias).RunAsync(ct) == 1, ct));

    public ValueTask<bool> TryUpdateAliasAsync(KeyAlias alias, CancellationToken ct = default) =>
        new(database.WriteAsync(async tx =>
        {
            var updated = await tx.Command(
                $"UPDATE aliases SET target_key_id = @target_key_id, last_updated_date = @last_updated_date WHERE {Rows.AliasMatches};")
                .WithAlias(alias).RunAsync(ct) == 1;
            if (updated)
            {
                tx.Announce(new StoreChange.Aliases(alias.AccountId, alias.Region));
            }
            return updated;
        }, ct));

    public ValueTask<bool> DeleteAliasAsync(string accountId, string region, string aliasName, CancellationToken ct = default) =>
        new(database.WriteAsync(async tx =>
        {
            var deleted = await tx.Command($"DELETE FROM aliases WHERE {Rows.AliasMatches};")
                .WithAliasName(accountId, region, aliasName).RunAsync(ct) == 1;
            if (deleted)
            {
                tx.Announce(new StoreChange.Aliases(accountId, region));
            }
            return deleted;
        }, ct));

    public ValueTask<IReadOnlyList<KeyAlias>> ListAliasesAsync(
        string accountId, string region, string? targetKeyId, string? afterAliasName, int limit, CancellationToken ct = default) =>
        new(database.ReadAsync<IReadOnlyList<KeyAlias>>(async tx =>
            await tx.Command($"""
                SELECT {AliasesTable.Columns} FROM aliases
                WHERE account_id = @account_id AND region = @region
                  AND (@target_key_id::text IS NULL OR target_key_id = @target_key_id)
                  AND (@after::text IS NULL OR alias_name > @after)
                ORDER BY alias_name LIMIT @limit;
                """)
                .With("account_id", accountId)
                .With("region", region)
                .With("target_key_id", targetKeyId)
                .With("after", afterAliasName)
                .With("limit", CheckLimit(limit))
                .ListAsync(AliasesTable.Read, ct), ct));

    public ValueTask<int> CountAliasesAsync(string accountId, string region, string targetKeyId, CancellationToken ct = default) =>
        new(database.ReadAsync(async tx =>
            (int)await tx.Command("SELECT COUNT(*) FROM aliases WHERE account_id = @account_id AND region = @region AND target_key_id = @target_key_id;")
                .With("account_id", accountId)
                .With("region", region)
                .With("target_key_id", targetKeyId)
                .ScalarAsync<long>(ct), ct));
}
