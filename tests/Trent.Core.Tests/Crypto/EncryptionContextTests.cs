using Trent.Core.Crypto;

namespace Trent.Core.Tests.Crypto;

public sealed class EncryptionContextTests
{
    [Fact]
    public void Order_of_pairs_does_not_matter()
    {
        var a = EncryptionContext.Canonicalize(new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" });
        var b = EncryptionContext.Canonicalize(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });
        Assert.Equal(a, b);
    }

    [Fact]
    public void Absent_and_empty_contexts_are_equivalent()
    {
        Assert.Empty(EncryptionContext.Canonicalize(null));
        Assert.Empty(EncryptionContext.Canonicalize(new Dictionary<string, string>()));
    }

    [Fact]
    public void Length_prefixes_keep_key_and_value_boundaries_apart()
    {
        var a = EncryptionContext.Canonicalize(new Dictionary<string, string> { ["ab"] = "c" });
        var b = EncryptionContext.Canonicalize(new Dictionary<string, string> { ["a"] = "bc" });
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Keys_compare_case_sensitively()
    {
        var a = EncryptionContext.Canonicalize(new Dictionary<string, string> { ["Key"] = "v" });
        var b = EncryptionContext.Canonicalize(new Dictionary<string, string> { ["key"] = "v" });
        Assert.NotEqual(a, b);
    }
}
