using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Trent.Core.Storage;

namespace Trent.Server.Backup;

/// <summary>
/// One archive line per record: <c>{"type":"key","row":{...}}</c>, the row being the record as the stores hand it out
/// (sealed material and secrets as base64, enums by name, dates as ISO 8601 with their offset).
/// </summary>
internal static class ArchiveJson
{
    private static readonly (string Type, Type Record)[] Types =
    [
        ("account", typeof(ArchiveRecord.AccountRow)),
        ("accessKey", typeof(ArchiveRecord.AccessKeyRow)),
        ("user", typeof(ArchiveRecord.UserRow)),
        ("role", typeof(ArchiveRecord.RoleRow)),
        ("policy", typeof(ArchiveRecord.PolicyRow)),
        ("key", typeof(ArchiveRecord.KeyRow)),
        ("alias", typeof(ArchiveRecord.AliasRow)),
        ("grant", typeof(ArchiveRecord.GrantRow)),
        ("keyUsage", typeof(ArchiveRecord.KeyUsageRow)),
        ("meta", typeof(ArchiveRecord.MetaRow)),
    ];

    private static readonly Dictionary<Type, string> TypeNames = Types.ToDictionary(t => t.Record, t => t.Type);
    private static readonly Dictionary<string, Type> RecordTypes = Types.ToDictionary(t => t.Type, t => t.Record, StringComparer.Ordinal);

    public static byte[] Line(ArchiveRecord record)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", TypeNames[record.GetType()]);
            writer.WritePropertyName("row");
            JsonSerializer.Serialize(writer, record, TypeInfo(record.GetType()));
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>The record on a line, or null for the trailer (<c>"type":"end"</c>), which the reader handles.</summary>
    public static ArchiveRecord Parse(JsonElement line)
    {
        var type = line.GetProperty("type").GetString() ?? "";
        if (!RecordTypes.TryGetValue(type, out var recordType))
        {
            throw new InvalidDataException($"The archive holds a record of unknown type '{type}'.");
        }
        return (ArchiveRecord)(line.GetProperty("row").Deserialize(TypeInfo(recordType))
            ?? throw new InvalidDataException($"The archive holds a null {type} record."));
    }

    private static JsonTypeInfo TypeInfo(Type type) =>
        ArchiveJsonContext.Default.GetTypeInfo(type) ?? throw new InvalidOperationException($"{type.Name} is not in the archive's JSON context.");
}

// Computed properties (a key's KeyId, an ARN's partition) are written but ignored on reading; a null where the record
// forbids one, or a missing constructor parameter, is a corrupt archive.
[JsonSourceGenerationOptions(
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ArchiveRecord.AccountRow))]
[JsonSerializable(typeof(ArchiveRecord.AccessKeyRow))]
[JsonSerializable(typeof(ArchiveRecord.UserRow))]
[JsonSerializable(typeof(ArchiveRecord.RoleRow))]
[JsonSerializable(typeof(ArchiveRecord.PolicyRow))]
[JsonSerializable(typeof(ArchiveRecord.KeyRow))]
[JsonSerializable(typeof(ArchiveRecord.AliasRow))]
[JsonSerializable(typeof(ArchiveRecord.GrantRow))]
[JsonSerializable(typeof(ArchiveRecord.KeyUsageRow))]
[JsonSerializable(typeof(ArchiveRecord.MetaRow))]
[JsonSerializable(typeof(ArchiveHeader))]
[JsonSerializable(typeof(ArchiveTrailer))]
internal sealed partial class ArchiveJsonContext : JsonSerializerContext;
