using System.Collections.Frozen;
using System.Text.Json;

namespace Trent.Protocol.Validation;

/// <summary>
/// An AWS service model (the botocore JSON, documentation stripped) loaded once: the operations and the shapes
/// of their inputs, so that every constraint AWS declares is checked from one source.
/// </summary>
public sealed class ServiceModel
{
    private readonly Dictionary<string, Shape> _shapes = new(StringComparer.Ordinal);
    private readonly JsonElement _shapeDefinitions;

    private ServiceModel(JsonDocument document)
    {
        var root = document.RootElement;
        TargetPrefix = root.GetProperty("metadata").TryGetProperty("targetPrefix", out var prefix) ? prefix.GetString() : null;
        _shapeDefinitions = root.GetProperty("shapes");
        var inputs = new Dictionary<string, StructureShape?>(StringComparer.Ordinal);
        var outputs = new Dictionary<string, StructureShape?>(StringComparer.Ordinal);
        foreach (var op in root.GetProperty("operations").EnumerateObject())
        {
            inputs[op.Name] = op.Value.TryGetProperty("input", out var input)
                ? (StructureShape)Resolve(input.GetProperty("shape").GetString()!)
                : null;
            outputs[op.Name] = op.Value.TryGetProperty("output", out var output)
                ? (StructureShape)Resolve(output.GetProperty("shape").GetString()!)
                : null;
        }
        Inputs = inputs.ToFrozenDictionary(StringComparer.Ordinal);
        Outputs = outputs.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public string? TargetPrefix { get; }

    /// <summary>Every operation of the model with its input shape (null when it takes no input).</summary>
    public FrozenDictionary<string, StructureShape?> Inputs { get; }

    /// <summary>Every operation's output shape (null when it answers with no body): which members the audit trail may log.</summary>
    public FrozenDictionary<string, StructureShape?> Outputs { get; }

    public IEnumerable<string> Operations => Inputs.Keys;

    /// <summary>Loads a model embedded in this assembly (e.g. <c>kms-2014-11-01.json</c>).</summary>
    public static ServiceModel LoadEmbedded(string resourceName)
    {
        using var stream = typeof(ServiceModel).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Service model {resourceName} is not embedded.");
        using var document = JsonDocument.Parse(stream);
        return new ServiceModel(document);
    }

    private static readonly Lazy<ServiceModel> KmsModel = new(() => LoadEmbedded("kms-2014-11-01.json"));

    public static ServiceModel Kms => KmsModel.Value;

    private Shape Resolve(string name)
    {
        if (_shapes.TryGetValue(name, out var known))
        {
            return known;
        }
        var def = _shapeDefinitions.GetProperty(name);
        var type = def.GetProperty("type").GetString();
        long? min = def.TryGetProperty("min", out var mn) ? mn.GetInt64() : null;
        long? max = def.TryGetProperty("max", out var mx) ? mx.GetInt64() : null;
        var sensitive = def.TryGetProperty("sensitive", out var s) && s.GetBoolean();
        switch (type)
        {
            case "structure":
                var structure = new StructureShape(name);
                _shapes[name] = structure;
                var required = def.TryGetProperty("required", out var req)
                    ? req.EnumerateArray().Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal)
                    : [];
                foreach (var m in def.GetProperty("members").EnumerateObject())
                {
                    var member = new Member(m.Name, CamelCase(m.Name), Resolve(m.Value.GetProperty("shape").GetString()!), required.Contains(m.Name));
                    structure.Members.Add(member);
                    structure.ByName[m.Name] = member;
                }
                return structure;
            case "list":
                var list = new ListShape(name, min, max);
                _shapes[name] = list;
                list.Member = Resolve(def.GetProperty("member").GetProperty("shape").GetString()!);
                return list;
            case "map":
                var map = new MapShape(name, min, max);
                _shapes[name] = map;
                map.Key = Resolve(def.GetProperty("key").GetProperty("shape").GetString()!);
                map.Value = Resolve(def.GetProperty("value").GetProperty("shape").GetString()!);
                return map;
            case "string":
                var pattern = def.TryGetProperty("pattern", out var p) ? p.GetString() : null;
                var values = def.TryGetProperty("enum", out var e) ? e.EnumerateArray().Select(v => v.GetString()!).ToList() : null;
                return _shapes[name] = new StringShape(name, min, max, pattern, values, sensitive);
            case "blob":
                return _shapes[name] = new BlobShape(name, min, max, sensitive);
            case "integer":
            case "long":
                return _shapes[name] = new NumberShape(name, type == "long", min, max);
            case "boolean":
                return _shapes[name] = new BooleanShape(name);
            case "timestamp":
                return _shapes[name] = new TimestampShape(name);
            case "double":
            case "float":
                return _shapes[name] = new DoubleShape(name);
            default:
                throw new InvalidOperationException($"Shape {name} has unsupported type {type}.");
        }
    }

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
