using System.Text.RegularExpressions;

namespace Trent.Protocol.Validation;

/// <summary>A shape of the AWS service model (Smithy/botocore), with the constraints that request validation checks.</summary>
public abstract class Shape(string name)
{
    public string Name { get; } = name;
}

/// <summary>A member of a structure, with its wire name and the camelCase name AWS prints in validation messages.</summary>
public sealed record Member(string Name, string MessageName, Shape Shape, bool Required);

public sealed class StructureShape(string name) : Shape(name)
{
    public List<Member> Members { get; } = [];
    public Dictionary<string, Member> ByName { get; } = new(StringComparer.Ordinal);
}

public sealed class ListShape(string name, long? min, long? max) : Shape(name)
{
    public Shape Member { get; set; } = null!;
    public long? Min { get; } = min;
    public long? Max { get; } = max;
}

public sealed class MapShape(string name, long? min, long? max) : Shape(name)
{
    public Shape Key { get; set; } = null!;
    public Shape Value { get; set; } = null!;
    public long? Min { get; } = min;
    public long? Max { get; } = max;
}

public sealed class StringShape(string name, long? min, long? max, string? pattern, IReadOnlyList<string>? enumValues, bool sensitive) : Shape(name)
{
    public long? Min { get; } = min;
    public long? Max { get; } = max;

    /// <summary>The pattern as the model writes it, for messages.</summary>
    public string? PatternText { get; } = pattern;

    /// <summary>The pattern with Java's meaning, matched against the whole value.</summary>
    public Regex? Pattern { get; } = pattern is null ? null : JavaPattern.Compile(pattern);

    public IReadOnlyList<string>? Enum { get; } = enumValues;
    public HashSet<string>? EnumSet { get; } = enumValues?.ToHashSet(StringComparer.Ordinal);
    public bool Sensitive { get; } = sensitive;
}

public sealed class BlobShape(string name, long? min, long? max, bool sensitive) : Shape(name)
{
    public long? Min { get; } = min;
    public long? Max { get; } = max;
    public bool Sensitive { get; } = sensitive;
}

/// <summary>integer and long shapes.</summary>
public sealed class NumberShape(string name, bool isLong, long? min, long? max) : Shape(name)
{
    public bool IsLong { get; } = isLong;
    public long? Min { get; } = min;
    public long? Max { get; } = max;
}

public sealed class BooleanShape(string name) : Shape(name);

public sealed class TimestampShape(string name) : Shape(name);

public sealed class DoubleShape(string name) : Shape(name);
