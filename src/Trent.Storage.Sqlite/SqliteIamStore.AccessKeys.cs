using Trent.Core.Identity;
using Trent.Core.Storage;

namespace Trent.Storage.Sqlite;

// Access keys of users and of the account root, beyond the root's first (which account creation stores).
public sealed partial class SqliteIamStore
{
    public ValueTask<AccessKeyCreateOutcome> CreateAccessKeyAsync(AccessKeyRecord key, int maxPerPrincipal, CancellationToken ct = default) =>
        database.WriteAsync(tx =>
        {
            if (key.PrincipalType == PrincipalType.IAMUser)
            {
                using var user = tx.Command("SELECT 1 FROM iam_users WHERE user_id = $user_id;").With("$user_id", key.UserId);
                if (user.ExecuteScalar() is null)
                {
                    return AccessKeyCreateOutcome.NoSuchUser;
                }
            }
            using (var count = tx.Command("SELECT COUNT(*) FROM access_keys WHERE account_id = $account_id AND user_id = $user_id;")
                .With("$account_id", key.AccountId)
                .With("$user_id", key.UserId))
            {
                if ((long)count.ExecuteScalar()! >= maxPerPrincipal)
                {
                    return AccessKeyCreateOutcome.LimitExceeded;
                }
            }
            using var insert = tx.Command($"""
                INSERT INTO access_keys ({AccessKeysTable.Columns}) VALUES ({IdentityRows.AccessKeyValues});
                """).WithAccessKey(key);
            insert.ExecuteNonQuery();
            return AccessKeyCreateOutcome.Created;
        }, ct);

    // Keys made in the same millisecond list in the order they were made (rowid), as IAM lists keys by age.
    public ValueTask<IReadOnlyList<AccessKeyRecord>> ListAccessKeysAsync(string accountId, string userId, CancellationToken ct = default) =>
        database.ReadAsync(tx =>
        {
            using var select = tx.Command($"""
                SELECT {AccessKeysTable.Columns} FROM access_keys
                WHERE account_id = $account_id AND user_id = $user_id
                ORDER BY create_date, rowid;
                """)
                .With("$account_id", accountId)
                .With("$user_id", userId);
            var keys = new List<AccessKeyRecord>();
            using var row = select.ExecuteReader();
            while (row.Read())
            {
                keys.Add(AccessKeysTable.Read(row));
            }
            return (IReadOnlyList<AccessKeyRecord>)keys;
        }, ct);

    public ValueTask<bool> UpdateAccessKeyStatusAsync(string accessKeyId, AccessKeyStatus status, CancellationToken ct = default) =>
        database.WriteAsync(tx =>
        {
            using var update = tx.Command("UPDATE access_keys SET status = $status WHERE access_key_id = $access_key_id;")
                .With("$status", EnumNames.Of(status))
                .With("$access_key_id", accessKeyId);
            return update.ExecuteNonQuery() == 1;
        }, ct);

    public ValueTask<bool> DeleteAccessKeyAsync(string accessKeyId, CancellationToken ct = default) =>
        database.WriteAsync(tx =>
        {
            using var delete = tx.Command("DELETE FROM access_keys WHERE access_key_id = $access_key_id;").With("$access_key_id", accessKeyId);
            return delete.ExecuteNonQuery() == 1;
        }, ct);
}
