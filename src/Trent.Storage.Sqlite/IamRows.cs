using Microsoft.Data.Sqlite;
using Trent.Core.Identity.Iam;

namespace Trent.Storage.Sqlite;

/// <summary>The columns of the IAM user and role tables and their mapping to the domain records.</summary>
internal static class IamRows
{
    public const string UserColumns = "account_id, user_name, user_id, path, arn, create_date, tags";

    public const string UserValues = "$account_id, $user_name, $user_id, $path, $arn, $create_date, $tags";

    public const string RoleColumns =
        "account_id, role_name, role_id, path, arn, assume_role_policy, description, max_session_duration, create_date, tags";

    public const string RoleValues =
        "$account_id, $role_name, $role_id, $path, $arn, $assume_role_policy, $description, $max_session_duration, $create_date, $tags";

    public static SqliteCommand WithUser(this SqliteCommand command, IamUser user) => command
        .With("$account_id", user.AccountId)
        .With("$user_name", user.UserName)
        .With("$user_id", user.UserId)
        .With("$path", user.Path)
        .With("$arn", user.Arn)
        .With("$create_date", UnixMillis.From(user.CreateDate))
        .With("$tags", IamTagsJson.Write(user.Tags));

    public static SqliteCommand WithRole(this SqliteCommand command, IamRole role) => command
        .With("$account_id", role.AccountId)
        .With("$role_name", role.RoleName)
        .With("$role_id", role.RoleId)
        .With("$path", role.Path)
        .With("$arn", role.Arn)
        .With("$assume_role_policy", role.AssumeRolePolicyDocument)
        .With("$description", role.Description)
        .With("$max_session_duration", role.MaxSessionDuration)
        .With("$create_date", UnixMillis.From(role.CreateDate))
        .With("$tags", IamTagsJson.Write(role.Tags));

    public static IamUser ReadUser(SqliteDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetString(2),
        row.GetString(3),
        row.GetString(4),
        row.GetDate(5),
        IamTagsJson.Read(row.GetString(6)));

    public static IamRole ReadRole(SqliteDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetString(2),
        row.GetString(3),
        row.GetString(4),
        row.GetString(5),
        row.GetNullableString(6),
        row.GetInt32(7),
        row.GetDate(8),
        IamTagsJson.Read(row.GetString(9)));

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
