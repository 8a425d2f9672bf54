using System.Text.Json;

namespace Trent.Core.Tests.Wycheproof;

/// <summary>One Wycheproof test-vector file (tests/testdata/wycheproof, copied next to the tests).</summary>
internal sealed class VectorFile
{
    private readonly JsonDocument _document;

    private VectorFile(string name, JsonDocument document)
    {
        Name = name;
        _document = document;
    }

    public string Name { get; }

    public static VectorFile Load(string name) =>
        new(name, JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "testdata", "wycheproof", name))));

    public IEnumerable<JsonElement> Groups => _document.RootElement.GetProperty("testGroups").EnumerateArray();

    public int NumberOfTests => _document.RootElement.GetProperty("numberOfTests").GetInt32();
}

internal static class VectorJson
{
    public static byte[] Hex(this JsonElement element, string property) => Convert.FromHexString(element.GetProperty(property).GetString()!);

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static int Number(this JsonElement element, string property) => element.GetProperty(property).GetInt32();

    public static bool Has(this JsonElement element, string property) => element.TryGetProperty(property, out _);

    public static IEnumerable<JsonElement> Tests(this JsonElement group) => group.GetProperty("tests").EnumerateArray();

    /// <summary>True when the test carries a non-empty hex field (an absent or "" field is empty).</summary>
    public static bool HasBytes(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.GetString() is { Length: > 0 };
}
