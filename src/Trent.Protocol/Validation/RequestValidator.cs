using System.Globalization;
using System.Text;
using System.Text.Json;
using Trent.Core;

namespace Trent.Protocol.Validation;

/// <summary>
/// Checks a JSON request against its input shape as the AWS front end does: a wrong JSON type or bad base64 is a
/// SerializationException; every violated model constraint (required, length, range, pattern, enum) becomes one
/// line of a single ValidationException in AWS's format.
/// </summary>
public static class RequestValidator
{
    private const double MinEpochSeconds = -62135596800;
    private const double MaxEpochSeconds = 253402300799;

    public static void Validate(JsonElement root, StructureShape input)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Serialization("Start of structure or map found where not expected.");
        }
        var errors = new List<string>();
        ValidateStructure(root, input, path: null, errors);
        if (errors.Count > 0)
        {
            var noun = errors.Count == 1 ? "validation error" : "validation errors";
            throw KmsException.Validation($"{errors.Count} {noun} detected: {string.Join("; ", errors)}");
        }
    }

    private static void ValidateStructure(JsonElement value, StructureShape shape, string? path, List<string> errors)
    {
        foreach (var member in shape.Members)
        {
            var memberPath = path is null ? member.MessageName : $"{path}.{member.MessageName}";
            if (!value.TryGetProperty(member.Name, out var element) || element.ValueKind == JsonValueKind.Null)
            {
                if (member.Required)
                {
                    errors.Add($"Value null at '{memberPath}' failed to satisfy constraint: Member must not be null");
                }
                continue;
            }
            ValidateValue(element, member.Shape, memberPath, errors);
        }
    }

    private static void ValidateValue(JsonElement value, Shape shape, string path, List<string> errors)
    {
        switch (shape)
        {
            case StructureShape structure:
                Expect(value, JsonValueKind.Object, path, "structure");
                ValidateStructure(value, structure, path, errors);
                break;
            case ListShape list:
                Expect(value, JsonValueKind.Array, path, "list");
                var count = value.GetArrayLength();
                CheckLength(count, list.Min, list.Max, () => FormatList(value), sensitive: false, path, errors);
                var index = 1;
                foreach (var item in value.EnumerateArray())
                {
                    ValidateElement(item, list.Member, $"{path}.{index}.member", errors);
                    index++;
                }
                break;
            case MapShape map:
                Expect(value, JsonValueKind.Object, path, "map");
                var entries = value.EnumerateObject().Count();
                CheckLength(entries, map.Min, map.Max, () => "{...}", sensitive: true, path, errors);
                foreach (var entry in value.EnumerateObject())
                {
                    ValidateString(entry.Name, map.Key as StringShape, $"{path}.key", errors);
                    ValidateElement(entry.Value, map.Value, $"{path}.value", errors);
                }
                break;
            case StringShape s:
                Expect(value, JsonValueKind.String, path, "string");
                ValidateString(value.GetString()!, s, path, errors);
                break;
            case BlobShape blob:
                Expect(value, JsonValueKind.String, path, "blob");
                var length = DecodedLength(value.GetString()!, path);
                CheckLength(length, blob.Min, blob.Max, () => "", sensitive: true, path, errors);
                break;
            case NumberShape number:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var n) || (!number.IsLong && n is < int.MinValue or > int.MaxValue))
                {
                    throw Serialization($"Expected an {(number.IsLong ? "long" : "integer")} at '{path}'.");
                }
                if (number.Min is { } min && n < min)
                {
                    errors.Add($"Value '{n}' at '{path}' failed to satisfy constraint: Member must have value greater than or equal to {min}");
                }
                if (number.Max is { } max && n > max)
                {
                    errors.Add($"Value '{n}' at '{path}' failed to satisfy constraint: Member must have value less than or equal to {max}");
                }
                break;
            case BooleanShape:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw Serialization($"Expected a boolean at '{path}'.");
                }
                break;
            case TimestampShape:
                // Epoch seconds a DateTimeOffset can hold (years 1 to 9999); the wire converter reads no others.
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var seconds) || seconds is < MinEpochSeconds or > MaxEpochSeconds)
                {
                    throw Serialization($"Expected a timestamp (epoch seconds) at '{path}'.");
                }
                break;
            case DoubleShape:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var d) || !double.IsFinite(d))
                {
                    throw Serialization($"Expected a number at '{path}'.");
                }
                break;
        }
    }

    /// <summary>
    /// A null list element or map value is not "absent" as a null structure member is: the operation would see a
    /// null inside its collection. The message is worded as for a missing required member.
    /// </summary>
    private static void ValidateElement(JsonElement value, Shape shape, string path, List<string> errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            errors.Add($"Value null at '{path}' failed to satisfy constraint: Member must not be null");
            return;
        }
        ValidateValue(value, shape, path, errors);
    }

    private static void ValidateString(string text, StringShape? shape, string path, List<string> errors)
    {
        if (shape is null)
        {
            return;
        }
        CheckLength(text.Length, shape.Min, shape.Max, () => text, shape.Sensitive, path, errors);
        if (shape.Pattern is { } pattern && !pattern.IsMatch(text))
        {
            errors.Add($"{ValuePart(text, shape.Sensitive)} at '{path}' failed to satisfy constraint: Member must satisfy regular expression pattern: {shape.PatternText}");
        }
        if (shape.EnumSet is { } allowed && !allowed.Contains(text))
        {
            errors.Add($"{ValuePart(text, shape.Sensitive)} at '{path}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", shape.Enum!)}]");
        }
    }

    private static void CheckLength(long length, long? min, long? max, Func<string> show, bool sensitive, string path, List<string> errors)
    {
        if (min is { } lo && length < lo)
        {
            errors.Add($"{ValuePart(sensitive ? "" : show(), sensitive)} at '{path}' failed to satisfy constraint: Member must have length greater than or equal to {lo}");
        }
        if (max is { } hi && length > hi)
        {
            errors.Add($"{ValuePart(sensitive ? "" : show(), sensitive)} at '{path}' failed to satisfy constraint: Member must have length less than or equal to {hi}");
        }
    }

    /// <summary>AWS omits the value of sensitive members and of blobs: "Value at 'plaintext' ...".</summary>
    private static string ValuePart(string text, bool sensitive) => sensitive ? "Value" : $"Value '{text}'";

    private static string FormatList(JsonElement array) =>
        "[" + string.Join(", ", array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())) + "]";

    private static int DecodedLength(string base64, string path)
    {
        var max = Encoding.ASCII.GetMaxByteCount(base64.Length);
        var buffer = max <= 8192 ? stackalloc byte[max] : new byte[max];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
        {
            throw Serialization($"Invalid base64 at '{path}'.");
        }
        return written;
    }

    private static void Expect(JsonElement value, JsonValueKind kind, string path, string what)
    {
        if (value.ValueKind != kind)
        {
            throw Serialization(string.Create(CultureInfo.InvariantCulture, $"Expected a {what} at '{path}' but found {value.ValueKind}."));
        }
    }

    private static KmsException Serialization(string message) => new(KmsErrorCode.SerializationException, message);
}
