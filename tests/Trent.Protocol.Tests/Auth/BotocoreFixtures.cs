using System.Collections.Immutable;
using System.Text.Json;

namespace Trent.Protocol.Tests.Auth;

/// <summary>
/// One request signed by botocore (fixtures/generate_sigv4_fixtures.py), with botocore's canonical request. The
/// JSON also holds a description, botocore's string to sign and the bare signature, for whoever debugs a failure.
/// </summary>
internal sealed record BotocoreCase(
    string Name,
    string AccessKeyId,
    string SecretAccessKey,
    string Region,
    string Service,
    DateTimeOffset Now,
    string Method,
    string RawPath,
    string RawQuery,
    List<List<string>> Headers,
    string BodyBase64,
    string CanonicalRequest)
{
    public TestKey Key => new(AccessKeyId, SecretAccessKey, "333333333333", "botocore");

    public string SignedHeaders => CanonicalRequest.Split('\n')[^2];

    public TestRequest ToRequest() => new(
        Method,
        RawPath,
        RawQuery,
        Headers.Select(h => (h[0], h[1])).ToImmutableList(),
        Convert.FromBase64String(BodyBase64));
}

internal static class BotocoreFixtures
{
    private static readonly Lazy<IReadOnlyDictionary<string, BotocoreCase>> Cases = new(Load);

    public static IEnumerable<string> Names => Cases.Value.Keys;

    public static BotocoreCase Get(string name) => Cases.Value[name];

    private static IReadOnlyDictionary<string, BotocoreCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Auth", "fixtures", "sigv4_botocore.json");
        var cases = JsonSerializer.Deserialize<List<BotocoreCase>>(File.ReadAllText(path), JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"No fixtures in {path}.");
        return cases.ToDictionary(c => c.Name);
    }
}
