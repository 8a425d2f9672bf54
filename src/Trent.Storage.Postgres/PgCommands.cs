using Npgsql;
using NpgsqlTypes;

namespace Trent.Storage.Postgres;

/// <summary>Terse, typed parameter binding and command running for the stores' SQL.</summary>
internal static class PgCommands
{
    // Every parameter carries its type: a NULL of unknown type cannot be compared or inserted by PostgreSQL.
    public static NpgsqlCommand With(this NpgsqlCommand command, string name, string? value) => Add(command, name, NpgsqlDbType.Text, value);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, long? value) => Add(command, name, NpgsqlDbType.Bigint, value);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, int value) => Add(command, name, NpgsqlDbType.Integer, value);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, bool value) => Add(command, name, NpgsqlDbType.Boolean, value);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, byte[] value) => Add(command, name, NpgsqlDbType.Bytea, value);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, TimeSpan value) => Add(command, name, NpgsqlDbType.Interval, value);

    /// <summary>Binds columns through one of the tables' <c>Bind</c> methods.</summary>
    public static NpgsqlCommand Bind(this NpgsqlCommand command, Action<IColumnBinder> bind)
    {
        bind(new PgColumnBinder(command));
        return command;
    }

    /// <summary>The parameters named as the <paramref name="columns"/> (<c>"a, b"</c> → <c>"@a, @b"</c>), for a VALUES list.</summary>
    public static string Parameters(string columns) => "@" + columns.Replace(", ", ", @", StringComparison.Ordinal);

    /// <summary>Runs a statement that returns nothing the caller needs; returns the rows it affected.</summary>
    public static async Task<int> RunAsync(this NpgsqlCommand command, CancellationToken ct)
    {
        await using (command)
        {
            return await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Reads every row of the command's result with <paramref name="read"/>.</summary>
    public static async Task<List<T>> ListAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<T>();
            while (await reader.ReadAsync(ct))
            {
                rows.Add(read(reader));
            }
            return rows;
        }
    }

    /// <summary>Reads the first row with <paramref name="read"/>, or returns null when there is none.</summary>
    public static async Task<T?> FirstOrNullAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken ct) where T : class
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? read(reader) : null;
        }
    }

    /// <summary>The first column of the first row; SQL NULL is the type's default.</summary>
    public static async Task<T> ScalarAsync<T>(this NpgsqlCommand command, CancellationToken ct)
    {
        await using (command)
        {
            var value = await command.ExecuteScalarAsync(ct);
            return value is DBNull ? default! : (T)value!;
        }
    }

    private static NpgsqlCommand Add(NpgsqlCommand command, string name, NpgsqlDbType type, object? value)
    {
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
        return command;
    }
}
