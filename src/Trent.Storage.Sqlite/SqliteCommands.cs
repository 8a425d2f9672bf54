using Microsoft.Data.Sqlite;

namespace Trent.Storage.Sqlite;

/// <summary>Terse command building for the stores' SQL.</summary>
internal static class SqliteCommands
{
    /// <summary>A command enlisted in <paramref name="transaction"/>, as Microsoft.Data.Sqlite requires.</summary>
    public static SqliteCommand Command(this SqliteTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>Binds columns through one of the tables' <c>Bind</c> methods.</summary>
    public static SqliteCommand Bind(this SqliteCommand command, Action<IColumnBinder> bind)
    {
        bind(new SqliteColumnBinder(command));
        return command;
    }

    /// <summary>The parameters named as the <paramref name="columns"/> (<c>"a, b"</c> → <c>"$a, $b"</c>), for a VALUES list.</summary>
    public static string Parameters(string columns) => "$" + columns.Replace(", ", ", $", StringComparison.Ordinal);
}
