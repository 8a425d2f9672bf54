using System.Text.Json;
using Trent.Core.Crypto;

namespace Trent.Core.Tests.Crypto;

public sealed class SymmetricCiphertextTests
{
    public sealed record Vector(string Name, string Material, string Account, string KeyId, string MaterialId, string Plaintext, Dictionary<string, string> Context, string Blob);

    public static TheoryData<string> VectorNames() => new(LoadVectors().Select(v => v.Name));

    private static List<Vector> LoadVectors() =>
        JsonSerializer.Deserialize<List<Vector>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "symmetric-vectors.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    private static Vector Load(string name) => LoadVectors().Single(v => v.Name == name);

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Encrypt_produces_the_golden_blob_of_the_independent_implementation(string name)
    {
        var v = Load(name);
        var blob = SymmetricCiphertext.Encrypt(new KeyedHmac(Convert.FromHexString(v.Material)), v.Account, v.KeyId, v.MaterialId,
            Convert.FromHexString(v.Plaintext), EncryptionContext.Canonicalize(v.Context), new CountingRandom());
        Assert.Equal(v.Blob, Convert.ToHexStringLower(blob));
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Golden_blob_decrypts_to_its_plaintext(string name)
    {
        var v = Load(name);
        var blob = Convert.FromHexString(v.Blob);
        var header = SymmetricCiphertext.TryReadHeader(blob);
        Assert.NotNull(header);
        Assert.Equal(v.Account, header.Value.AccountId);
        Assert.Equal(v.KeyId, header.Value.KeyId);
        Assert.Equal(v.MaterialId, header.Value.MaterialId);
        var plaintext = SymmetricCiphertext.TryDecrypt(blob, header.Value, new KeyedHmac(Convert.FromHexString(v.Material)), EncryptionContext.Canonicalize(v.Context));
        Assert.Equal(v.Plaintext, Convert.ToHexStringLower(plaintext!));
    }

    [Fact]
    public void Flipping_any_bit_makes_the_blob_fail_to_decrypt()
    {
        var v = Load("with-context");
        using var material = new KeyedHmac(Convert.FromHexString(v.Material));
        var context = EncryptionContext.Canonicalize(v.Context);
        var original = Convert.FromHexString(v.Blob);
        for (var bit = 0; bit < original.Length * 8; bit++)
        {
            var blob = (byte[])original.Clone();
            blob[bit / 8] ^= (byte)(1 << (bit % 8));
            var header = SymmetricCiphertext.TryReadHeader(blob);
            var plaintext = header is { } h && h.MaterialId == v.MaterialId
                ? SymmetricCiphertext.TryDecrypt(blob, h, material, context)
                : null;
            Assert.Null(plaintext);
        }
    }

    [Fact]
    public void Every_truncation_fails_to_parse_or_decrypt()
    {
        var v = Load("empty-context");
        var original = Convert.FromHexString(v.Blob);
        for (var length = 0; length < original.Length; length++)
        {
            var blob = original[..length];
            var header = SymmetricCiphertext.TryReadHeader(blob);
            var plaintext = header is { } h ? SymmetricCiphertext.TryDecrypt(blob, h, new KeyedHmac(Convert.FromHexString(v.Material)), []) : null;
            Assert.Null(plaintext);
        }
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"purpose\":\"TEST\",\"app\":\"trent\",\"Department\":\"10\"}")]
    [InlineData("{\"purpose\":\"test\",\"app\":\"trent\"}")]
    [InlineData("{\"purpose\":\"test\",\"app\":\"trent\",\"Department\":\"10\",\"extra\":\"x\"}")]
    [InlineData("{\"Purpose\":\"test\",\"app\":\"trent\",\"Department\":\"10\"}")]
    public void A_different_encryption_context_fails_to_decrypt(string contextJson)
    {
        var v = Load("with-context");
        var blob = Convert.FromHexString(v.Blob);
        var context = JsonSerializer.Deserialize<Dictionary<string, string>>(contextJson)!;
        var plaintext = SymmetricCiphertext.TryDecrypt(blob, SymmetricCiphertext.TryReadHeader(blob)!.Value,
            new KeyedHmac(Convert.FromHexString(v.Material)), EncryptionContext.Canonicalize(context));
        Assert.Null(plaintext);
    }

    [Fact]
    public void Another_material_fails_to_decrypt()
    {
        var v = Load("empty-context");
        var blob = Convert.FromHexString(v.Blob);
        using var other = new KeyedHmac(new byte[32]);
        Assert.Null(SymmetricCiphertext.TryDecrypt(blob, SymmetricCiphertext.TryReadHeader(blob)!.Value, other, []));
    }

    [Fact]
    public void Two_encryptions_of_the_same_plaintext_differ()
    {
        using var material = new KeyedHmac(new byte[32]);
        var a = SymmetricCiphertext.Encrypt(material, "111122223333", "1234abcd-12ab-34cd-56ef-1234567890ab", new string('0', 64), "x"u8, [], SystemRandomSource.Instance);
        var b = SymmetricCiphertext.Encrypt(material, "111122223333", "1234abcd-12ab-34cd-56ef-1234567890ab", new string('0', 64), "x"u8, [], SystemRandomSource.Instance);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void A_4096_byte_plaintext_stays_within_the_6144_byte_ciphertext_limit()
    {
        var blob = SymmetricCiphertext.Encrypt(new KeyedHmac(new byte[32]), "111122223333", "mrk-1234abcd12ab34cd56ef1234567890ab", new string('0', 64),
            new byte[4096], [], SystemRandomSource.Instance);
        Assert.True(blob.Length <= 6144, $"blob is {blob.Length} bytes");
    }
}
