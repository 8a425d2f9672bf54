using Microsoft.Data.Sqlite;
using Trent.Core.Identity.Iam;

namespace Trent.Storage.Sqlite;

/// <summary>
/// Binding IAM users and roles as parameters (each column of <see cref="IamUsersTable"/> and <see cref="IamRolesTable"/>
/// as a parameter of the same name), and the listing query over both tables.
/// </summary>
internal static class IamRows
{
    public static readonly string UserValues = SqliteCommands.Parameters(IamUsersTable.Columns);

    public static readonly string RoleValues = SqliteCommands.Parameters(IamRolesTable.Columns);

    public static SqliteCommand WithUser(this SqliteCommand command, IamUser user) => command.Bind(to => IamUsersTable.Bind(to, user));

    public static SqliteCommand WithRole(this SqliteCommand command, IamRole role) => command.Bind(to => IamRolesTable.Bind(to, role));

    /// <summary>
    /// A listing page: the account's rows after a name (NOCASE, the column's collation) whose path starts with a prefix
    /// (compared exactly: paths are case-sensitive), in name order.
    /// </summary>
    public static string ListSql(string table, string columns, string nameColumn) => $"""
        SELECT {columns} FROM {table}
        WHERE account_id = $account_id
          AND ($after IS NULL OR {nameColumn} > $after)
          AND ($prefix IS NULL OR substr(path, 1, length($prefix)) = $prefix)
        ORDER BY {nameColumn}
        LIMIT $limit;
        """;
}
