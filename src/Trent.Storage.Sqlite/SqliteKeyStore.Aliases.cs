using System.Text;
using Trent.Core.Keys;

namespace Trent.Storage.Sqlite;

// Aliases: names in an account and region pointing at one key.
public sealed partial class SqliteKeyStore
{
    public ValueTask<KeyAlias?> GetAliasAsync(string accountId, string region, string aliasName, CancellationToken ct = default) =>
        database.ReadAsync(tx =>
        {
            using var select = tx.Command($"SELECT {AliasesTable.Columns} FROM aliases WHERE {AliasRows.Matches};")
                .WithAliasName(accountId, region, aliasName);
            using var row = select.ExecuteReader();
            return row.Read() ? AliasesTable.Read(row) : null;
        }, ct);

    public ValueTask<bool> TryCreateAliasAsync(KeyAlias alias, CancellationToken ct = default) =>
        database.WriteAsync(tx =>
        {
            // Only a primary-key conflict means "exists"; any other constraint failure still throws.
            using var insert = tx.Command($"""
                INSERT INTO aliases ({AliasesTable.Columns}) VALUES ({AliasRows.Values})
                ON CONFLICT (account_id, region, alias_name) DO NOTHING;
                """).WithAlias(alias);
            return insert.ExecuteNonQuery() == 1;
        }, ct);

    public ValueTask<bool> TryUpdateAliasAsync(KeyAlias alias, CancellationToken ct = default) =>
        database.WriteAsync(tx =>
        {
            using var update = tx.Command(
                $"UPDATE aliases SET target_key_id = $target_key_id, last_updated_date = $last_updated_date WHERE {AliasRows.Matches};")
                .WithAlias(alias);
            return update.ExecuteNonQuery() == 1;
        }, ct);

    public ValueTask<bool> DeleteAliasAsync(string accountId, string region, string aliasName, CancellationToken ct = default) =>
        database.WriteAsync(tx =>
        {
            using var delete = tx.Command($"DELETE FROM aliases WHERE {AliasRows.Matches};").WithAliasName(accountId, region, aliasName);
            return delete.ExecuteNonQuery() == 1;
        }, ct);

    public ValueTask<IReadOnlyList<KeyAlias>> ListAliasesAsync(
        string accountId, string region, string? targetKeyId, string? afterAliasName, int limit, CancellationToken ct = default) =>
        database.ReadAsync(tx =>
        {
            using var select = tx.Command(ListAliasesSql(byTarget: targetKeyId is not null, after: afterAliasName is not null))
                .With("$account_id", accountId)
                .With("$region", region)
                .With("$target_key_id", targetKeyId)
                .With("$after", afterAliasName)
                .With("$limit", CheckLimit(limit));
            var aliases = new List<KeyAlias>();
            using var row = select.ExecuteReader();
            while (row.Read())
            {
                aliases.Add(AliasesTable.Read(row));
            }
            return (IReadOnlyList<KeyAlias>)aliases;
        }, ct);

    public ValueTask<int> CountAliasesAsync(string accountId, string region, string targetKeyId, CancellationToken ct = default) =>
        database.ReadAsync(tx =>
        {
            using var count = tx.Command(
                "SELECT COUNT(*) FROM aliases WHERE account_id = $account_id AND region = $region AND target_key_id = $target_key_id;")
                .With("$account_id", accountId)
                .With("$region", region)
                .With("$target_key_id", targetKeyId);
            return (int)(long)count.ExecuteScalar()!;
        }, ct);

    /// <summary>The alias listing query; with <paramref name="byTarget"/> it is served in name order by <c>aliases_by_target</c>.</summary>
    internal static string ListAliasesSql(bool byTarget, bool after)
    {
        var sql = new StringBuilder($"SELECT {AliasesTable.Columns} FROM aliases WHERE account_id = $account_id AND region = $region");
        if (byTarget)
        {
            sql.Append(" AND target_key_id = $target_key_id");
        }
        if (after)
        {
            sql.Append(" AND alias_name > $after");
        }
        return sql.Append(" ORDER BY alias_name LIMIT $limit;").ToString();
    }
}
