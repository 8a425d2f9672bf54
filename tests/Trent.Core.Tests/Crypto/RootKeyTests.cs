using System.Security.Cryptography;
using Trent.Core.Crypto;

namespace Trent.Core.Tests.Crypto;

public sealed class RootKeyTests
{
    private static RootKey NewRootKey(byte fill = 7) => new(Enumerable.Repeat(fill, RootKey.Size).ToArray());

    [Fact]
    public void Sealed_material_opens_with_the_same_owner_and_version()
    {
        using var root = NewRootKey();
        var sealedBlob = root.Seal("secret material"u8, "arn:aws:kms:us-east-1:111122223333:key/k", "v1", SystemRandomSource.Instance);
        Assert.Equal("secret material"u8.ToArray(), root.Unseal(sealedBlob, "arn:aws:kms:us-east-1:111122223333:key/k", "v1"));
    }

    [Fact]
    public void Sealed_blob_does_not_contain_the_plaintext()
    {
        using var root = NewRootKey();
        var plaintext = RandomNumberGenerator.GetBytes(32);
        var sealedBlob = root.Seal(plaintext, "owner", "v1", SystemRandomSource.Instance);
        Assert.Equal(-1, sealedBlob.AsSpan().IndexOf(plaintext.AsSpan(0, 8)));
    }

    [Theory]
    [InlineData("arn:aws:kms:us-east-1:111122223333:key/other", "v1")]
    [InlineData("arn:aws:kms:us-east-1:111122223333:key/k", "v2")]
    public void Sealed_blob_moved_to_another_owner_or_version_does_not_open(string owner, string version)
    {
        using var root = NewRootKey();
        var sealedBlob = root.Seal("m"u8, "arn:aws:kms:us-east-1:111122223333:key/k", "v1", SystemRandomSource.Instance);
        Assert.ThrowsAny<CryptographicException>(() => root.Unseal(sealedBlob, owner, version));
    }

    [Fact]
    public void Another_root_key_cannot_open_a_sealed_blob()
    {
        using var root = NewRootKey(1);
        using var other = NewRootKey(2);
        var sealedBlob = root.Seal("m"u8, "o", "v", SystemRandomSource.Instance);
        Assert.ThrowsAny<CryptographicException>(() => other.Unseal(sealedBlob, "o", "v"));
    }

    [Fact]
    public void Check_value_identifies_the_root_key_without_revealing_it()
    {
        using var a = NewRootKey(1);
        using var a2 = NewRootKey(1);
        using var b = NewRootKey(2);
        Assert.Equal(a.CheckValue, a2.CheckValue);
        Assert.NotEqual(a.CheckValue, b.CheckValue);
        Assert.DoesNotContain("0101", a.CheckValue, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tampered_sealed_blob_does_not_open()
    {
        using var root = NewRootKey();
        var sealedBlob = root.Seal("material"u8, "o", "v", SystemRandomSource.Instance);
        sealedBlob[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => root.Unseal(sealedBlob, "o", "v"));
    }
}
