using Microsoft.Data.Sqlite;

namespace Trent.Storage.Sqlite;

/// <summary>Terse command building and column reading for the stores' SQL.</summary>
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

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset GetDate(this SqliteDataReader reader, int ordinal) => UnixMillis.ToDate(reader.GetInt64(ordinal));

    public static DateTimeOffset? GetNullableDate(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDate(ordinal);

    public static TEnum GetEnum<TEnum>(this SqliteDataReader reader, int ordinal) where TEnum : struct, Enum =>
        EnumNames.Parse<TEnum>(reader.GetString(ordinal));

    public static byte[] GetBytes(this SqliteDataReader reader, int ordinal) => reader.GetFieldValue<byte[]>(ordinal);
}
