using Trent.Core.Identity;
using Trent.Core.Storage;

namespace Trent.Storage.Postgres;

// Access keys of users and of the account root, beyond the root's first (which account creation stores). Changing or
// deleting one announces it to every node's key cache.
internal sealed partial class PostgresIamStore
{
    public ValueTask<AccessKeyCreateOutcome> CreateAccessKeyAsync(AccessKeyRecord key, int maxPerPrincipal, CancellationToken ct = default) =>
        new(database.WriteAsync(async tx =>
        {
            // Locking the principal's row (the user's, or the account's for the root) serializes its key creators, so
            // the quota holds, and a concurrent DeleteUser either sees this key or makes this find the user gone.
            var principal = key.PrincipalType == PrincipalType.IAMUser
                ? tx.Command("SELECT 1 FROM iam_users WHERE user_id = @id FOR NO KEY UPDATE;").With("id", key.UserId)
                : tx.Command("SELECT 1 FROM accounts WHERE account_id = @id FOR NO KEY UPDATE;").With("id", key.AccountId);
            if ((await principal.ListAsync(r => r.GetInt32(0), ct)).Count == 0 && key.PrincipalType == PrincipalType.IAMUser)
            {
                return AccessKeyCreateOutcome.NoSuchUser;
            }
            var count = await tx.Command("SELECT COUNT(*) FROM access_keys WHERE account_id = @account_id AND user_id = @user_id;")
                .With("account_id", key.AccountId)
                .With("user_id", key.UserId)
                .ScalarAsync<long>(ct);
            if (count >= maxPerPrincipal)
            {
                return AccessKeyCreateOutcome.LimitExceeded;
            }
            await tx.Command($"INSERT INTO access_keys ({AccessKeysTable.Columns}) VALUES ({Rows.AccessKeyValues});").WithAccessKey(key).RunAsync(ct);
            return AccessKeyCreateOutcome.Created;
        }, ct));

    // Keys made in the same millisecond list in the order they were made (seq), as IAM lists keys by age.
    public ValueTask<IReadOnlyList<AccessKeyRecord>> ListAccessKeysAsync(string accountId, string userId, CancellationToken ct = default) =>
        new(database.ReadAsync<IReadOnlyList<AccessKeyRecord>>(async tx =>
            await tx.Command($"""
                SELECT {AccessKeysTable.Columns} FROM access_keys
                WHERE account_id = @account_id AND user_id = @user_id
                ORDER BY create_date, seq;
                """)
                .With("account_id", accountId)
                .With("user_id", userId)
                .ListAsync(AccessKeysTable.Read, ct), ct));

    public ValueTask<bool> UpdateAccessKeyStatusAsync(string accessKeyId, AccessKeyStatus status, CancellationToken ct = default) =>
        new(database.WriteAsync(async tx =>
        {
            var updated = await tx.Command("UPDATE access_keys SET status = @status WHERE access_key_id = @access_key_id;")
                .With("status", EnumNames.Of(status))
                .With("access_key_id", accessKeyId)
                .RunAsync(ct) == 1;
            if (updated)
            {
                tx.Announce(new StoreChange.AccessKey(accessKeyId));
            }
            return updated;
        }, ct));

    public ValueTask<bool> DeleteAccessKeyAsync(string accessKeyId, CancellationToken ct = default) =>
        new(database.WriteAsync(async tx =>
        {
            var deleted = await tx.Command("DELETE FROM access_keys WHERE access_key_id = @access_key_id;")
                .With("access_key_id", accessKeyId)
                .RunAsync(ct) == 1;
            if (deleted)
            {
                tx.Announce(new StoreChange.AccessKey(accessKeyId));
            }
            return deleted;
        }, ct));
}
