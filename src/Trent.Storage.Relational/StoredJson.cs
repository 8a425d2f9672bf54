using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Trent.Core.Identity.Iam;
using Trent.Core.Keys;

namespace Trent.Storage.Relational;

/// <summary>
/// The JSON columns, as both backends store them: key tags as <c>{"TagKey","TagValue"}</c> objects, IAM tags as
/// <c>{"Key","Value"}</c> objects (both in the order given), grant operations as an array, constraint pairs as an object.
/// </summary>
public static class StoredJson
{
    public static string Write(IReadOnlyList<KeyTag> tags) => JsonSerializer.Serialize(tags, StoredJsonContext.Default.IReadOnlyListKeyTag);

    public static string Write(IReadOnlyList<IamTag> tags) => JsonSerializer.Serialize(tags, StoredJsonContext.Default.IReadOnlyListIamTag);

    public static string Write(IReadOnlyList<string> operations) => JsonSerializer.Serialize(operations, StoredJsonContext.Default.IReadOnlyListString);

    public static string Write(IReadOnlyDictionary<string, string> pairs) =>
        JsonSerializer.Serialize(pairs, StoredJsonContext.Default.IReadOnlyDictionaryStringString);

    public static IReadOnlyList<KeyTag> KeyTags(string json) => Read(json, StoredJsonContext.Default.IReadOnlyListKeyTag);

    public static IReadOnlyList<IamTag> IamTags(string json) => Read(json, StoredJsonContext.Default.IReadOnlyListIamTag);

    public static IReadOnlyList<string> Operations(string json) => Read(json, StoredJsonContext.Default.IReadOnlyListString);

    public static IReadOnlyDictionary<string, string> Pairs(string json) => Read(json, StoredJsonContext.Default.IReadOnlyDictionaryStringString);

    private static T Read<T>(string json, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(json, type) ?? throw new InvalidDataException("A stored JSON column holds JSON null.");
}

// A stored tag, operation or pair missing a member or holding null is corrupt, not empty.
[JsonSourceGenerationOptions(RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(IReadOnlyList<KeyTag>))]
[JsonSerializable(typeof(IReadOnlyList<IamTag>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class StoredJsonContext : JsonSerializerContext;
