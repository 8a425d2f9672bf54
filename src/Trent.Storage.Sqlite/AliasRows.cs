using Microsoft.Data.Sqlite;
using Trent.Core.Keys;

namespace Trent.Storage.Sqlite;

/// <summary>Binding <see cref="KeyAlias"/> records as parameters: each column of <see cref="AliasesTable"/> as a parameter of the same name.</summary>
internal static class AliasRows
{
    public static readonly string Values = SqliteCommands.Parameters(AliasesTable.Columns);

    public const string Matches = "account_id = $account_id AND region = $region AND alias_name = $alias_name";

    public static SqliteCommand WithAliasName(this SqliteCommand command, string accountId, string region, string aliasName) =>
        command.Bind(to => AliasesTable.BindName(to, accountId, region, aliasName));

    public static SqliteCommand WithAlias(this SqliteCommand command, KeyAlias alias) => command.Bind(to => AliasesTable.Bind(to, alias));
}
