using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Trent.Core.Audit;
using Trent.Protocol.Validation;

namespace Trent.Protocol.Audit;

/// <summary>
/// requestParameters and responseElements as CloudTrail logs them, built from the service model rather than per
/// operation: members in camelCase, every blob (plaintext, ciphertext, messages, signatures, MACs, public keys) and every
/// member the model marks sensitive left out, so that no new operation can leak a secret into the trail by omission.
/// </summary>
internal static class AuditParameters
{
    /// <summary>Members that act as credentials though the models do not mark them sensitive.</summary>
    private static readonly FrozenSet<string> Withheld = FrozenSet.Create(StringComparer.Ordinal, "GrantTokens", "GrantToken", "SessionToken", "TokenCode");

    /// <summary>The request's loggable members; null when it has none (CloudTrail writes <c>null</c>).</summary>
    public static RawJson? Request(JsonElement root, StructureShape? shape) =>
        shape is null || root.ValueKind != JsonValueKind.Object
            ? null
            : AuditJsonBuffer.Write((root, shape), static (writer, s) => WriteStructure(writer, s.root, s.shape, only: null, response: false));

    /// <summary>The named top-level members of a response, as CloudTrail logs them for create-style operations.</summary>
    public static RawJson? Response(JsonElement root, StructureShape shape, FrozenSet<string> members) =>
        root.ValueKind != JsonValueKind.Object
            ? null
            : AuditJsonBuffer.Write((root, shape, members), static (writer, s) => WriteStructure(writer, s.root, s.shape, s.members, response: true));

    /// <summary>Writes the loggable members as an object; returns false (and writes nothing) when there are none.</summary>
    private static bool WriteStructure(Utf8JsonWriter writer, JsonElement value, StructureShape shape, FrozenSet<string>? only, bool response)
    {
        var started = false;
        foreach (var property in value.EnumerateObject())
        {
            if (!shape.ByName.TryGetValue(property.Name, out var member) || !Loggable(member)
                || (only is not null && !only.Contains(member.Name)) || property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            if (!started)
            {
                writer.WriteStartObject();
                started = true;
            }
            writer.WritePropertyName(member.MessageName);
            WriteValue(writer, property.Value, member.Shape, response);
        }
        if (started)
        {
            writer.WriteEndObject();
        }
        return started;
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonElement value, Shape shape, bool response)
    {
        switch (shape)
        {
            case StructureShape structure when value.ValueKind == JsonValueKind.Object:
                if (!WriteStructure(writer, value, structure, only: null, response))
                {
                    writer.WriteStartObject();
                    writer.WriteEndObject();
                }
                break;
            case ListShape list when value.ValueKind == JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WriteValue(writer, item, list.Member, response);
                }
                writer.WriteEndArray();
                break;
            case MapShape map when value.ValueKind == JsonValueKind.Object:
                // Map keys are the caller's own names (encryption context keys, tag keys): written as they came.
                writer.WriteStartObject();
                foreach (var entry in value.EnumerateObject())
                {
                    writer.WritePropertyName(entry.Name);
                    WriteValue(writer, entry.Value, map.Value, response);
                }
                writer.WriteEndObject();
                break;
            case TimestampShape when response && value.ValueKind == JsonValueKind.Number:
                writer.WriteStringValue(CloudTrailDate(DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(value.GetDouble() * 1000))));
                break;
            case StringShape or NumberShape or DoubleShape or BooleanShape or TimestampShape
                when value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                value.WriteTo(writer);
                break;
            default:
                // A value of the wrong JSON type (the request failed validation) is not copied: it could be anything.
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>Whether CloudTrail may carry a member: never blobs, never sensitive shapes, never credentials.</summary>
    public static bool Loggable(Member member) => !Withheld.Contains(member.Name) && Loggable(member.Shape);

    private static bool Loggable(Shape shape) => shape switch
    {
        BlobShape => false,
        StringShape s => !s.Sensitive,
        ListShape l => Loggable(l.Member),
        MapShape m => Loggable(m.Key) && Loggable(m.Value),
        _ => true,
    };

    /// <summary>How CloudTrail renders dates inside responseElements: <c>Aug 10, 2022, 10:38:27 PM</c>.</summary>
    public static string CloudTrailDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("MMM d, yyyy, h:mm:ss tt", CultureInfo.InvariantCulture);
}
