using System.Text.Json;
using Trent.Protocol.Validation;

namespace Trent.Server.Tests.Wire;

/// <summary>Model patterns keep their Java meaning in .NET: ASCII-only classes, whole-value matches.</summary>
public sealed class JavaPatternTests
{
    [Theory]
    [InlineData(@"[\w]+", "default", true)]
    [InlineData(@"[\w]+", "caf\u00e9", false)]
    [InlineData(@"[\w+=,.@-]+", "user+name@x", true)]
    [InlineData(@"\d{3}", "123", true)]
    [InlineData(@"\d{3}", "\u0661\u0662\u0663", false)]
    [InlineData(@"[\s]+", " \t", true)]
    [InlineData(@"[\s]+", "\u00a0", false)]
    [InlineData(@"\W", "-", true)]
    [InlineData(@"\W", "\u00e9", true)]
    [InlineData(@"[\p{L}\p{N}]+", "caf\u00e9", true)]
    [InlineData(@"^[a-zA-Z0-9:/_-]+$", "alias/x", true)]
    [InlineData(@"^[a-zA-Z0-9:/_-]+$", "alias/x\n", false)]
    [InlineData(@"[\u0020-\u00FF]*", "", true)]
    [InlineData(@"a\\b", @"a\b", true)]
    public void A_model_pattern_matches_as_Java_matches_would(string pattern, string value, bool matches) =>
        Assert.Equal(matches, JavaPattern.Compile(pattern).IsMatch(value));

    [Fact]
    public void Every_pattern_of_every_embedded_service_model_compiles()
    {
        var assembly = typeof(ServiceModel).Assembly;
        var models = assembly.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.Ordinal)).ToList();
        var patterns = new List<string>();
        foreach (var name in models)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var model = JsonDocument.Parse(stream);
            patterns.AddRange(model.RootElement.GetProperty("shapes").EnumerateObject()
                .Where(s => s.Value.TryGetProperty("pattern", out _))
                .Select(s => s.Value.GetProperty("pattern").GetString()!));
        }

        Assert.Contains("kms-2014-11-01.json", models);
        Assert.All(patterns, p => JavaPattern.Compile(p));
    }
}
