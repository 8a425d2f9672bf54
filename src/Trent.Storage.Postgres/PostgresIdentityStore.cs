using Trent.Core.Identity;
using Trent.Core.Storage;

namespace Trent.Storage.Postgres;

/// <summary>Accounts and access keys in PostgreSQL.</summary>
internal sealed class PostgresIdentityStore(PostgresDatabase database) : IIdentityStore
{
    public ValueTask<AccessKeyRecord?> GetAccessKeyAsync(string accessKeyId, CancellationToken ct = default) =>
        new(database.ReadAsync(tx =>
            tx.Command($"SELECT {AccessKeysTable.Columns} FROM access_keys WHERE access_key_id = @access_key_id;")
                .With("access_key_id", accessKeyId)
                .FirstOrNullAsync(AccessKeysTable.Read, ct), ct));

    public ValueTask<Account?> GetAccountAsync(string accountId, CancellationToken ct = default) =>
        new(database.ReadAsync(tx =>
            tx.Command($"SELECT {AccountsTable.Columns} FROM accounts WHERE account_id = @account_id;")
                .With("account_id", accountId)
                .FirstOrNullAsync(AccountsTable.Read, ct), ct));

    public ValueTask<IReadOnlyList<Account>> ListAccountsAsync(CancellationToken ct = default) =>
        new(database.ReadAsync<IReadOnlyList<Account>>(async tx =>
            await tx.Command($"SELECT {AccountsTable.Columns} FROM accounts ORDER BY account_id;").ListAsync(AccountsTable.Read, ct), ct));

    public ValueTask CreateAccountAsync(Account account, AccessKeyRecord rootAccessKey, CancellationToken ct = default) =>
        new(database.WriteAsync(async tx =>
        {
            await tx.Command($"INSERT INTO accounts ({AccountsTable.Columns}) VALUES ({Rows.AccountValues});")
                .WithAccount(account)
                .RunAsync(ct);
            await tx.Command($"INSERT INTO access_keys ({AccessKeysTable.Columns}) VALUES ({Rows.AccessKeyValues});")
                .WithAccessKey(rootAccessKey)
                .RunAsync(ct);
        }, ct));
}
