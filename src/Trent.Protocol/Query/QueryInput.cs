using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Trent.Core;
using Trent.Protocol.Validation;

namespace Trent.Protocol.Query;

/// <summary>
/// Turns Query parameters into the JSON object the input shape describes, so that the model-driven
/// <see cref="RequestValidator"/> checks Query requests exactly as it checks JSON ones. Structures nest with dots
/// (<c>Tags.member.1.Key</c>), lists are <c>Name.member.N</c> (an empty list is <c>Name=</c>), maps are <c>Name.entry.N.key</c>/<c>.value</c>; scalars are parsed by the member's type.
/// </summary>
public static class QueryInput
{
    public static JsonDocument ToJson(IReadOnlyDictionary<string, string> parameters, StructureShape? input)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            if (input is null)
            {
                json.WriteStartObject();
                json.WriteEndObject();
            }
            else
            {
                WriteStructure(json, new Names(parameters), "", input);
            }
        }
        return JsonDocument.Parse(buffer.WrittenMemory);
    }

    private static void WriteStructure(Utf8JsonWriter json, Names names, string prefix, StructureShape shape)
    {
        json.WriteStartObject();
        foreach (var member in shape.Members)
        {
            var name = prefix + member.Name;
            if (names.Has(name))
            {
                json.WritePropertyName(member.Name);
                WriteValue(json, names, name, member.Shape);
            }
        }
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, Names names, string name, Shape shape)
    {
        if (shape is StructureShape structure)
        {
            WriteStructure(json, names, name + ".", structure);
            return;
        }
        if (shape is ListShape list)
        {
            json.WriteStartArray();
            // IAM and STS declare no flattened lists, so items are always Name.member.N.
            var itemPrefix = name + ".member.";
            foreach (var index in names.Indexes(itemPrefix))
            {
                WriteValue(json, names, itemPrefix + index.ToString(CultureInfo.InvariantCulture), list.Member);
            }
            json.WriteEndArray();
            return;
        }
        if (shape is MapShape map)
        {
            json.WriteStartObject();
            foreach (var index in names.Indexes(name + ".entry."))
            {
                var entry = $"{name}.entry.{index.ToString(CultureInfo.InvariantCulture)}";
                if (names.Value(entry + ".key") is { } key)
                {
                    json.WritePropertyName(key);
                    WriteValue(json, names, entry + ".value", map.Value);
                }
            }
            json.WriteEndObject();
            return;
        }
        if (names.Value(name) is not { } text)
        {
            // Only nested names (Name.x) where a scalar belongs: the scalar itself is absent.
            json.WriteNullValue();
            return;
        }
        WriteScalar(json, name, shape, text);
    }

    private static void WriteScalar(Utf8JsonWriter json, string name, Shape shape, string text)
    {
        switch (shape)
        {
            case NumberShape:
                json.WriteNumberValue(long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : throw NotA("an integer", name, text));
                break;
            case DoubleShape:
                json.WriteNumberValue(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : throw NotA("a number", name, text));
                break;
            case BooleanShape:
                json.WriteBooleanValue(text.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
                    : text.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
                    : throw NotA("a boolean", name, text));
                break;
            case TimestampShape:
                json.WriteNumberValue(DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                    ? t.ToUnixTimeMilliseconds() / 1000.0
                    : throw NotA("an ISO 8601 timestamp", name, text));
                break;
            default:
                // Strings, and blobs (which Query sends base64-encoded, as JSON does).
                json.WriteStringValue(text);
                break;
        }
    }

    private static KmsException NotA(string what, string name, string text) =>
        new(KmsErrorCode.SerializationException, $"The value '{text}' of parameter {name} is not {what}.");

    /// <summary>The parameter names, with every dotted prefix of each, for quick "is anything under this name" questions.</summary>
    private sealed class Names
    {
        private readonly IReadOnlyDictionary<string, string> _values;
        private readonly HashSet<string> _prefixes = new(StringComparer.Ordinal);

        public Names(IReadOnlyDictionary<string, string> values)
        {
            _values = values;
            foreach (var name in values.Keys)
            {
                for (var dot = name.IndexOf('.', StringComparison.Ordinal); dot > 0; dot = name.IndexOf('.', dot + 1))
                {
                    _prefixes.Add(name[..dot]);
                }
            }
        }

        public bool Has(string name) => _values.ContainsKey(name) || _prefixes.Contains(name);

        public string? Value(string name) => _values.GetValueOrDefault(name);

        /// <summary>The item numbers N under <paramref name="prefix"/> (<c>prefix + N</c> or <c>prefix + N.…</c>), ascending.</summary>
        public IEnumerable<int> Indexes(string prefix)
        {
            var indexes = new SortedSet<int>();
            foreach (var name in _values.Keys)
            {
                if (!name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }
                var rest = name.AsSpan(prefix.Length);
                var dot = rest.IndexOf('.');
                var number = dot < 0 ? rest : rest[..dot];
                if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index < 1)
                {
                    throw new KmsException(KmsErrorCode.SerializationException, $"The parameter {name} does not number its item from 1.");
                }
                indexes.Add(index);
            }
            return indexes;
        }
    }
}
