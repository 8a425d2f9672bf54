using Npgsql;
using Trent.Core.Identity.Iam;
using Trent.Core.Storage;

namespace Trent.Storage.Postgres;

/// <summary>
/// IAM users and roles in PostgreSQL; inline policies and access keys are in the other parts of this class. Every
/// check-then-write locks the row it depends on first, so that concurrent writers on other nodes are serialized.
/// </summary>
internal sealed partial class PostgresIamStore(PostgresDatabase database) : IIamStore
{
    private const string NameAfter = "(@after::text IS NULL OR {0} > lower(@after))";

    // Paths are case-sensitive: the prefix compares exactly.
    private const string PathUnder = "(@prefix::text IS NULL OR left(path, length(@prefix)) = @prefix)";

    public ValueTask<bool> CreateUserAsync(IamUser user, CancellationToken ct = default) =>
        new(database.WriteAsync(async tx =>
            // Only the name's key conflict means "exists"; a duplicate user id or a missing account still throws.
            await tx.Command($"""
                INSERT INTO iam_users ({IamUsersTable.Columns}) VALUES ({Rows.UserValues})
                ON CONFLICT (account_id, user_key) DO NOTHING;
                """).WithUser(user).RunAsync(ct) == 1, ct));

    public ValueTask<IamUser?> GetUserAsync(string accountId, string userName, CancellationToken ct = default) =>
        new(database.ReadAsync(tx => FindUserAsync(tx, accountId, userName, "", ct), ct));

    public ValueTask<IReadOnlyList<IamUser>> ListUsersAsync(
        string accountId, string? pathPrefix, string? afterName, int limit, CancellationToken ct = default) =>
        new(database.ReadAsync<IReadOnlyList<IamUser>>(async tx =>
            await List(tx, "iam_users", IamUsersTable.Columns, "user_key", accountId, pathPrefix, afterName, limit).ListAsync(IamUsersTable.Read, ct), ct));

    public ValueTask<IamDeleteOutcome> DeleteUserAsync(string accountId, string userName, CancellationToken ct = default) =>
        new(database.WriteAsync(async tx =>
        {
            if (await FindUserAsync(tx, accountId, userName, "FOR UPDATE", ct) is not { } user)
            {
                return IamDeleteOutcome.NotFound;
            }
            if (await ExistsAsync(tx, "SELECT 1 FROM access_keys WHERE account_id = @account_id AND user_id = @id LIMIT 1;", accountId, user.UserId, ct))
            {
                return IamDeleteOutcome.HasAccessKeys;
            }
            if (await ExistsAsync(tx, "SELECT 1 FROM iam_user_policies WHERE user_id = @id LIMIT 1;", accountId, user.UserId, ct))
            {
                return IamDeleteOutcome.HasPolicies;
            }
            await tx.Command("DELETE FROM iam_users WHERE user_id = @id;").With("id", user.UserId).RunAsync(ct);
            return IamDeleteOutcome.Deleted;
        }, ct));

    public ValueTask<bool> CreateRoleAsync(IamRole role, CancellationToken ct = default) =>
        new(database.WriteAsync(async tx =>
            await tx.Command($"""
                INSERT INTO iam_roles ({IamRolesTable.Columns}) VALUES ({Rows.RoleValues})
                ON CONFLICT (account_id, role_key) DO NOTHING;
                """).WithRole(role).RunAsync(ct) == 1, ct));

    public ValueTask<IamRole?> GetRoleAsync(string accountId, string roleName, CancellationToken ct = default) =>
        new(database.ReadAsync(tx => FindRoleAsync(tx, accountId, roleName, "", ct), ct));

    public ValueTask<IReadOnlyList<IamRole>> ListRolesAsync(
        string accountId, string? pathPrefix, string? afterName, int limit, CancellationToken ct = default) =>
        new(database.ReadAsync<IReadOnlyList<IamRole>>(async tx =>
            await List(tx, "iam_roles", IamRolesTable.Columns, "role_key", accountId, pathPrefix, afterName, limit).ListAsync(IamRolesTable.Read, ct), ct));

    public ValueTask<IamDeleteOutcome> DeleteRoleAsync(string accountId, string roleName, CancellationToken ct = default) =>
        new(database.WriteAsync(async tx =>
        {
            if (await FindRoleAsync(tx, accountId, roleName, "FOR UPDATE", ct) is not { } role)
            {
                return IamDeleteOutcome.NotFound;
            }
            if (await ExistsAsync(tx, "SELECT 1 FROM iam_role_policies WHERE role_id = @id LIMIT 1;", accountId, role.RoleId, ct))
            {
                return IamDeleteOutcome.HasPolicies;
            }
            await tx.Command("DELETE FROM iam_roles WHERE role_id = @id;").With("id", role.RoleId).RunAsync(ct);
            return IamDeleteOutcome.Deleted;
        }, ct));

    private static Task<IamUser?> FindUserAsync(PostgresTx tx, string accountId, string userName, string locking, CancellationToken ct) =>
        tx.Command($"SELECT {IamUsersTable.Columns} FROM iam_users WHERE account_id = @account_id AND user_key = lower(@name) {locking};")
            .With("account_id", accountId)
            .With("name", userName)
            .FirstOrNullAsync(IamUsersTable.Read, ct);

    private static Task<IamRole?> FindRoleAsync(PostgresTx tx, string accountId, string roleName, string locking, CancellationToken ct) =>
        tx.Command($"SELECT {IamRolesTable.Columns} FROM iam_roles WHERE account_id = @account_id AND role_key = lower(@name) {locking};")
            .With("account_id", accountId)
            .With("name", roleName)
            .FirstOrNullAsync(IamRolesTable.Read, ct);

    private static NpgsqlCommand List(
        PostgresTx tx, string table, string columns, string keyColumn, string accountId, string? pathPrefix, string? afterName, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return tx.Command($"""
            SELECT {columns} FROM {table}
            WHERE account_id = @account_id AND {string.Format(System.Globalization.CultureInfo.InvariantCulture, NameAfter, keyColumn)} AND {PathUnder}
            ORDER BY {keyColumn}
            LIMIT @limit;
            """)
            .With("account_id", accountId)
            .With("after", afterName)
            .With("prefix", pathPrefix)
            .With("limit", limit);
    }

    private static async Task<bool> ExistsAsync(PostgresTx tx, string sql, string accountId, string id, CancellationToken ct) =>
        (await tx.Command(sql).With("account_id", accountId).With("id", id).ListAsync(r => r.GetInt32(0), ct)).Count > 0;
}
