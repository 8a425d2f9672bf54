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
            using var select = tx.Command($"SELECT {AccessKeysTable.Columns} FROM access_keys WHERE access_key_id = $access_key_id;")
                .With("$access_key_id", accessKeyId);
            using var row = select.ExecuteReader();
            return row.Read() ? AccessKeysTable.Read(row) : null;
        }, ct);

    public ValueTask<Account?> GetAccountAsync(string accountId, CancellationToken ct = default) =>
        database.ReadAsync(tx =>
        {
            using var select = tx.Command($"SELECT {AccountsTable.Columns} FROM accounts WHERE account_id = $account_id;")
                .With("$account_id", accountId);
            using var row = select.ExecuteReader();
            return row.Read() ? AccountsTable.Read(row) : null;
        }, ct);

    public ValueTask<IReadOnlyList<Account>> ListAccountsAsync(CancellationToken ct = default) =>
        database.ReadAsync(tx =>
        {
            using var select = tx.Command($"SELECT {AccountsTable.Columns} FROM accounts ORDER BY account_id;");
            var accounts = new List<Account>();
            using var row = select.ExecuteReader();
            while (row.Read())
            {
                accounts.Add(AccountsTable.Read(row));
            }
            return (IReadOnlyList<Account>)accounts;
        }, ct);

    public ValueTask CreateAccountAsync(Account account, AccessKeyRecord rootAccessKey, CancellationToken ct = default) =>
        database.WriteAsync(tx =>
        {
            using (var insertAccount = tx.Command($"INSERT INTO accounts ({AccountsTable.Columns}) VALUES ({IdentityRows.AccountValues});"))
            {
                insertAccount.WithAccount(account).ExecuteNonQuery();
            }
            using var insertKey = tx.Command($"""
                INSERT INTO access_keys ({AccessKeysTable.Columns}) VALUES ({IdentityRows.AccessKeyValues});
                """);
            insertKey.WithAccessKey(rootAccessKey).ExecuteNonQuery();
        }, ct);
}
