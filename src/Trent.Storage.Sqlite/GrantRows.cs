using Microsoft.Data.Sqlite;
using Trent.Core.Authorization.Grants;
using Trent.Core.Storage;

namespace Trent.Storage.Sqlite;

/// <summary>Binding <see cref="Grant"/> records as parameters: each column of <see cref="GrantsTable"/> as a parameter of the same name.</summary>
internal static class GrantRows
{
    public static readonly string Values = SqliteCommands.Parameters(GrantsTable.Columns);

    public static SqliteCommand WithGrant(this SqliteCommand command, Grant grant) => command.Bind(to => GrantsTable.Bind(to, grant));

    /// <summary>Binds a listing position as <c>$after_date</c> and <c>$after_id</c>.</summary>
    public static SqliteCommand WithPosition(this SqliteCommand command, GrantPosition? after) =>
        command.With("$after_date", UnixMillis.From(after?.CreationDate)).With("$after_id", after?.GrantId);
}
