using System.Data.Common;

namespace Trent.Storage.Relational;

/// <summary>
/// Reading the stored forms that both backends share: timestamps as <see cref="UnixMillis"/>, enums by
/// <see cref="EnumNames">name</see>, blobs as byte arrays.
/// </summary>
public static class StoredColumns
{
    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset GetDate(this DbDataReader reader, int ordinal) => UnixMillis.ToDate(reader.GetInt64(ordinal));

    public static DateTimeOffset? GetNullableDate(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDate(ordinal);

    public static TEnum GetEnum<TEnum>(this DbDataReader reader, int ordinal) where TEnum : struct, Enum =>
        EnumNames.Parse<TEnum>(reader.GetString(ordinal));

    public static byte[] GetBytes(this DbDataReader reader, int ordinal) => reader.GetFieldValue<byte[]>(ordinal);
}
