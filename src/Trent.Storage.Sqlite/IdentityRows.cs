using Microsoft.Data.Sqlite;
using Trent.Core.Identity;

namespace Trent.Storage.Sqlite;

/// <summary>
/// Binding accounts and <see cref="AccessKeyRecord"/>s as parameters (each column of <see cref="AccountsTable"/> and
/// <see cref="AccessKeysTable"/> as a parameter of the same name), shared by the identity, IAM and archive code.
/// </summary>
internal static class IdentityRows
{
    public static readonly string AccessKeyValues = SqliteCommands.Parameters(AccessKeysTable.Columns);

    public static readonly string AccountValues = SqliteCommands.Parameters(AccountsTable.Columns);

    public static SqliteCommand WithAccessKey(this SqliteCommand command, AccessKeyRecord key) => command.Bind(to => AccessKeysTable.Bind(to, key));

    public static SqliteCommand WithAccount(this SqliteCommand command, Account account) => command.Bind(to => AccountsTable.Bind(to, account));
}
