using System.Text.Json;
using System.Text.Json.Serialization;
using Trent.Core.Keys;

namespace Trent.Storage.Sqlite;

/// <summary>A key's tags as stored: a JSON array of <c>{"TagKey","TagValue"}</c> objects in the key's tag order.</summary>
internal static class TagsJson
{
    public static string Write(IReadOnlyList<KeyTag> tags) => JsonSerializer.Serialize(tags, TagsJsonContext.Default.IReadOnlyListKeyTag);

    public static IReadOnlyList<KeyTag> Read(string json) =>
        JsonSerializer.Deserialize(json, TagsJsonContext.Default.IReadOnlyListKeyTag)
        ?? throw new InvalidDataException("The stored tags are JSON null instead of an array.");
}

// A stored tag missing TagKey or TagValue, or holding null, is corrupt rather than an empty tag.
[JsonSourceGenerationOptions(RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(IReadOnlyList<KeyTag>))]
internal sealed partial class TagsJsonContext : JsonSerializerContext;
