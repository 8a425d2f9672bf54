using Microsoft.Data.Sqlite;
using Trent.Core.Identity.Iam;
using Trent.Core.Storage;

namespace Trent.Storage.Sqlite;

/// <summary>IAM users and roles in SQLite; inline policies and access keys are in the other parts of this class.</summary>
public sealed partial class SqliteIamStore : IIamStore
{
    private readonly SqliteDatabase database;

    internal SqliteIamStore(SqliteDatabase database) => this.database = database;

    public ValueTask<bool> CreateUserAsync(IamUser user, CancellationToken ct = default) =>
        database.WriteAsync(tx =>
        {
            // Only the name's primary key conflict means "exists"; a duplicate user id or a missing account still throws.
            using var insert = tx.Command($"""
                INSERT INTO iam_users ({IamUsersTable.Columns}) VALUES ({IamRows.UserValues})
                ON CONFLICT (account_id, user_name) DO NOTHING;
                """).WithUser(user);
            return insert.ExecuteNonQuery() == 1;
        }, ct);

    public ValueTask<IamUser?> GetUserAsync(string accountId, string userName, CancellationToken ct = default) =>
        database.ReadAsync(tx => FindUser(tx, accountId, userName), ct);

    public ValueTask<IReadOnlyList<IamUser>> ListUsersAsync(
        string accountId, string? pathPrefix, string? afterName, int limit, CancellationToken ct = default) =>
        database.ReadAsync(tx => List(tx, IamRows.ListSql("iam_users", IamUsersTable.Columns, "user_name"),
            accountId, pathPrefix, afterName, limit, IamUsersTable.Read), ct);

    public ValueTask<IamDeleteOutcome> DeleteUserAsync(string accountId, string userName, CancellationToken ct = default) =>
        database.WriteAsync(tx =>
        {
            if (FindUser(tx, accountId, userName) is not { } user)
            {
                return IamDeleteOutcome.NotFound;
            }
            if (Exists(tx, "SELECT 1 FROM access_keys WHERE account_id = $account_id AND user_id = $id LIMIT 1;", accountId, user.UserId))
            {
                return IamDeleteOutcome.HasAccessKeys;
            }
            if (Exists(tx, "SELECT 1 FROM iam_user_policies WHERE user_id = $id LIMIT 1;", accountId, user.UserId))
            {
                return IamDeleteOutcome.HasPolicies;
            }
            using var delete = tx.Command("DELETE FROM iam_users WHERE user_id = $id;").With("$id", user.UserId);
            delete.ExecuteNonQuery();
            return IamDeleteOutcome.Deleted;
        }, ct);

    public ValueTask<bool> CreateRoleAsync(IamRole role, CancellationToken ct = default) =>
        database.WriteAsync(tx =>
        {
            using var insert = tx.Command($"""
                INSERT INTO iam_roles ({IamRolesTable.Columns}) VALUES ({IamRows.RoleValues})
                ON CONFLICT (account_id, role_name) DO NOTHING;
                """).WithRole(role);
            return insert.ExecuteNonQuery() == 1;
        }, ct);

    public ValueTask<IamRole?> GetRoleAsync(string accountId, string roleName, CancellationToken ct = default) =>
        database.ReadAsync(tx => FindRole(tx, accountId, roleName), ct);

    public ValueTask<IReadOnlyList<IamRole>> ListRolesAsync(
        string accountId, string? pathPrefix, string? afterName, int limit, CancellationToken ct = default) =>
        database.ReadAsync(tx => List(tx, IamRows.ListSql("iam_roles", IamRolesTable.Columns, "role_name"),
            accountId, pathPrefix, afterName, limit, IamRolesTable.Read), ct);

    public ValueTask<IamDeleteOutcome> DeleteRoleAsync(string accountId, string roleName, CancellationToken ct = default) =>
        database.WriteAsync(tx =>
        {
            if (FindRole(tx, accountId, roleName) is not { } role)
            {
                return IamDeleteOutcome.NotFound;
            }
            if (Exists(tx, "SELECT 1 FROM iam_role_policies WHERE role_id = $id LIMIT 1;", accountId, role.RoleId))
            {
                return IamDeleteOutcome.HasPolicies;
            }
            using var delete = tx.Command("DELETE FROM iam_roles WHERE role_id = $id;").With("$id", role.RoleId);
            delete.ExecuteNonQuery();
            return IamDeleteOutcome.Deleted;
        }, ct);

    private static IamUser? FindUser(SqliteTransaction tx, string accountId, string userName)
    {
        using var select = tx.Command($"SELECT {IamUsersTable.Columns} FROM iam_users WHERE account_id = $account_id AND user_name = $name;")
            .With("$account_id", accountId)
            .With("$name", userName);
        using var row = select.ExecuteReader();
        return row.Read() ? IamUsersTable.Read(row) : null;
    }

    private static IamRole? FindRole(SqliteTransaction tx, string accountId, string roleName)
    {
        using var select = tx.Command($"SELECT {IamRolesTable.Columns} FROM iam_roles WHERE account_id = $account_id AND role_name = $name;")
            .With("$account_id", accountId)
            .With("$name", roleName);
        using var row = select.ExecuteReader();
        return row.Read() ? IamRolesTable.Read(row) : null;
    }

    private static IReadOnlyList<T> List<T>(
        SqliteTransaction tx, string sql, string accountId, string? pathPrefix, string? afterName, int limit, Func<SqliteDataReader, T> read)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        using var select = tx.Command(sql)
            .With("$account_id", accountId)
            .With("$after", afterName)
            .With("$prefix", pathPrefix)
            .With("$limit", limit);
        var items = new List<T>();
        using var row = select.ExecuteReader();
        while (row.Read())
        {
            items.Add(read(row));
        }
        return items;
    }

    private static bool Exists(SqliteTransaction tx, string sql, string accountId, string id)
    {
        using var select = tx.Command(sql).With("$account_id", accountId).With("$id", id);
        return select.ExecuteScalar() is not null;
    }
}
