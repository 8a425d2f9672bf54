using System.Text.Json.Nodes;
using Trent.Protocol.Validation;

namespace Trent.Server.Tests.Wire;

/// <summary>The smallest values that satisfy every model constraint of a shape: the background of a violating request.</summary>
public static class ValidValues
{
    public static JsonNode For(Shape shape) => shape switch
    {
        StructureShape s => Structure(s),
        ListShape l => new JsonArray([.. Enumerable.Range(0, (int)(l.Min ?? 0)).Select(_ => For(l.Member))]),
        MapShape m when m.Min is null or 0 => new JsonObject(),
        StringShape s => String(s),
        BlobShape b => Convert.ToBase64String(new byte[Math.Max(b.Min ?? 1, 1)]),
        NumberShape n => n.Min ?? 1,
        BooleanShape => false,
        TimestampShape => 1700000000,
        DoubleShape => 1.0,
        _ => throw new NotSupportedException($"No valid value for {shape.Name} ({shape.GetType().Name})."),
    };

    /// <summary>A structure with its required members only.</summary>
    public static JsonObject Structure(StructureShape shape)
    {
        var obj = new JsonObject();
        foreach (var member in shape.Members.Where(m => m.Required))
        {
            obj[member.Name] = For(member.Shape);
        }
        return obj;
    }

    public static string String(StringShape s)
    {
        if (s.Enum is { Count: > 0 } values)
        {
            return values[0];
        }
        var value = s.PatternText is { } pattern ? PatternSamples.For(pattern).Valid : "k";
        return value.Length < (s.Min ?? 0) ? value + new string(Pad(s), (int)s.Min!.Value - value.Length) : value;
    }

    /// <summary>A character that keeps a value of this shape valid when appended.</summary>
    public static char Pad(StringShape s) => s.PatternText is { } pattern ? PatternSamples.For(pattern).Pad : 'k';
}
