using System.Text.Json;
using Trent.Core.Identity.Iam;

namespace Trent.Protocol.Query;

/// <summary>Typed reads of a validated Query request (its JSON form): the model has already checked types and constraints.</summary>
public readonly struct QueryArgs(JsonElement root)
{
    public string? String(string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A member the model marks required, so validation has ensured it.</summary>
    public string Required(string name) => String(name) ?? throw new InvalidOperationException($"{name} is required by the model but absent.");

    public int? Int(string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    public bool Has(string name) => root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public IReadOnlyList<IamTag> Tags(string name = "Tags") =>
        root.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(t => new IamTag(t.GetProperty("Key").GetString()!, t.GetProperty("Value").GetString()!)).ToArray()
            : [];

    /// <summary>Refuses a parameter whose meaning Trent does not implement, rather than ignoring a restriction it asks for.</summary>
    public void Unsupported(string name, string what)
    {
        if (Has(name))
        {
            throw IamErrors.Unsupported(what);
        }
    }
}
