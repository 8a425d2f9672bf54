using System.Text.Json;
using System.Text.Json.Serialization;
using Trent.Core.Identity.Iam;

namespace Trent.Storage.Sqlite;

/// <summary>An IAM user's or role's tags as stored: a JSON array of <c>{"Key","Value"}</c> objects in the order given.</summary>
internal static class IamTagsJson
{
    public static string Write(IReadOnlyList<IamTag> tags) => JsonSerializer.Serialize(tags, IamTagsJsonContext.Default.IReadOnlyListIamTag);

    public static IReadOnlyList<IamTag> Read(string json) =>
        JsonSerializer.Deserialize(json, IamTagsJsonContext.Default.IReadOnlyListIamTag)
        ?? throw new InvalidDataException("The stored IAM tags are JSON null instead of an array.");
}

[JsonSourceGenerationOptions(RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(IReadOnlyList<IamTag>))]
internal sealed partial class IamTagsJsonContext : JsonSerializerContext;
