using Microsoft.Data.Sqlite;

namespace Trent.Storage.Sqlite;

/// <summary>Binds each column as the parameter <c>$column</c>; SQLite takes every value as it comes, so the types only pick the overload.</summary>
internal sealed class SqliteColumnBinder(SqliteCommand command) : IColumnBinder
{
    public void Text(string column, string? value) => command.With("$" + column, value);

    public void Int32(string column, int value) => command.With("$" + column, value);

    public void Int64(string column, long? value) => command.With("$" + column, value);

    public void Boolean(string column, bool value) => command.With("$" + column, value);

    public void Bytes(string column, byte[] value) => command.With("$" + column, value);
}
