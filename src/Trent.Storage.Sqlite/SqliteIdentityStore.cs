using Microsoft.Data.Sqlite;
using Trent.Core.Identity;
using Trent.Core.Storage;

namespace Trent.Storage.Sqlite;

/// <summary>Accounts and access keys in SQLite.</summary>
public sealed class SqliteIdentityStore : IIdentityStore
{
    private readonly SqliteDatabase database;

    internal SqliteIdentityStore(SqliteDatabase database) => this.database = database;

    public ValueTask<AccessKeyRecord?> GetAccessKeyAsync(string accessKeyId, CancellationToken ct = default) =>
        database.ReadAsync(tx =>
        {
            using var select = tx.Command($"SELECT {AccessKeyRows.Columns} FROM access_keys WHERE access_key_id = $access_key_id;")
                .With("$access_key_id", accessKeyId);
            using var row = select.ExecuteReader();
            return row.Read() ? AccessKeyRows.Read(row) : null;
        }, ct);

    public ValueTask<Account?> GetAccountAsync(string accountId, CancellationToken ct = default) =>
        database.ReadAsync(tx =>
        {
            using var select = tx.Command("SELECT account_id, created_at FROM accounts WHERE account_id = $account_id;")
                .With("$account_id", accountId);
            using var row = select.ExecuteReader();
            return row.Read() ? ReadAccount(row) : null;
        }, ct);

    public ValueTask<IReadOnlyList<Account>> ListAccountsAsync(CancellationToken ct = default) =>
        database.ReadAsync(tx =>
        {
            using var select = tx.Command("SELECT account_id, created_at FROM accounts ORDER BY account_id;");
            var accounts = new List<Account>();
            using var row = select.ExecuteReader();
            while (row.Read())
            {
                accounts.Add(ReadAccount(row));
            }
            return (IReadOnlyList<Account>)accounts;
        }, ct);

    public ValueTask CreateAccountAsync(Account account, AccessKeyRecord rootAccessKey, CancellationToken ct = default) =>
        database.WriteAsync(tx =>
        {
            using (var insertAccount = tx.Command("INSERT INTO accounts (account_id, created_at) VALUES ($account_id, $created_at);"))
            {
                insertAccount.With("$account_id", account.AccountId)
                    .With("$created_at", UnixMillis.From(account.CreatedAt))
                    .ExecuteNonQuery();
            }
            using var insertKey = tx.Command($"""
                INSERT INTO access_keys ({AccessKeyRows.Columns}) VALUES ({AccessKeyRows.Values});
                """);
            insertKey.WithAccessKey(rootAccessKey).ExecuteNonQuery();
        }, ct);

    private static Account ReadAccount(SqliteDataReader row) => new(row.GetString(0), row.GetDate(1));
}
