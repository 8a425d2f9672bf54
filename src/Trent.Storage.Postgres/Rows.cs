using Npgsql;
using Trent.Core.Audit;
using Trent.Core.Authorization.Grants;
using Trent.Core.Identity;
using Trent.Core.Identity.Iam;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Storage.Postgres;

/// <summary>
/// Binding domain records as parameters: each column of a table (<see cref="KeysTable"/>, <see cref="GrantsTable"/>, ...)
/// as a parameter of the same name.
/// </summary>
internal static class Rows
{
    public static readonly string KeyValues = PgCommands.Parameters(KeysTable.Columns);

    /// <summary>SET assignments of every column but the primary key and the version.</summary>
    public static readonly string KeyAssignments = string.Join(", ", KeysTable.MutableColumnNames.Select(c => $"{c} = @{c}"));

    public const string KeyMatches = "account_id = @account_id AND region = @region AND key_id = @key_id";

    public static readonly string AliasValues = PgCommands.Parameters(AliasesTable.Columns);

    public const string AliasMatches = "account_id = @account_id AND region = @region AND alias_name = @alias_name";

    public static readonly string AccountValues = PgCommands.Parameters(AccountsTable.Columns);

    public static readonly string AccessKeyValues = PgCommands.Parameters(AccessKeysTable.Columns);

    public static readonly string UserValues = PgCommands.Parameters(IamUsersTable.Columns);

    public static readonly string RoleValues = PgCommands.Parameters(IamRolesTable.Columns);

    public static readonly string GrantValues = PgCommands.Parameters(GrantsTable.Columns);

    public static readonly string KeyUsageValues = PgCommands.Parameters(KeyUsageTable.Columns);

    public static NpgsqlCommand WithArn(this NpgsqlCommand command, KeyArn arn) => command.Bind(to => KeysTable.BindArn(to, arn));

    public static NpgsqlCommand WithKey(this NpgsqlCommand command, KmsKey key) => command.Bind(to => KeysTable.Bind(to, key));

    public static NpgsqlCommand WithMaterial(this NpgsqlCommand command, StoredMaterial material) =>
        command.Bind(to => KeyMaterialsTable.Bind(to, material));

    public static NpgsqlCommand WithAliasName(this NpgsqlCommand command, string accountId, string region, string aliasName) =>
        command.Bind(to => AliasesTable.BindName(to, accountId, region, aliasName));

    public static NpgsqlCommand WithAlias(this NpgsqlCommand command, KeyAlias alias) => command.Bind(to => AliasesTable.Bind(to, alias));

    public static NpgsqlCommand WithAccount(this NpgsqlCommand command, Account account) => command.Bind(to => AccountsTable.Bind(to, account));

    public static NpgsqlCommand WithAccessKey(this NpgsqlCommand command, AccessKeyRecord key) => command.Bind(to => AccessKeysTable.Bind(to, key));

    public static NpgsqlCommand WithUser(this NpgsqlCommand command, IamUser user) => command.Bind(to => IamUsersTable.Bind(to, user));

    public static NpgsqlCommand WithRole(this NpgsqlCommand command, IamRole role) => command.Bind(to => IamRolesTable.Bind(to, role));

    public static NpgsqlCommand WithGrant(this NpgsqlCommand command, Grant grant) => command.Bind(to => GrantsTable.Bind(to, grant));

    /// <summary>Binds a grant listing position as <c>@after_date</c> and <c>@after_id</c>.</summary>
    public static NpgsqlCommand WithPosition(this NpgsqlCommand command, GrantPosition? after) =>
        command.With("after_date", UnixMillis.From(after?.CreationDate)).With("after_id", after?.GrantId);

    public static NpgsqlCommand WithKeyUsage(this NpgsqlCommand command, KeyArn key, KeyLastUsage usage) =>
        command.Bind(to => KeyUsageTable.Bind(to, key, usage));

    /// <summary>The tables and owner id column of a kind of inline policy.</summary>
    public static (string Policies, string Owners, string IdColumn) PolicyTables(PolicyOwnerKind kind) => kind switch
    {
        PolicyOwnerKind.User => ("iam_user_policies", "iam_users", "user_id"),
        PolicyOwnerKind.Role => ("iam_role_policies", "iam_roles", "role_id"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
