using System.Security.Cryptography;
using Trent.Core.Crypto.Asymmetric;
using Trent.Core.Keys;

namespace Trent.Core.Tests.Asymmetric;

public sealed class SharedSecretTests
{
    [Theory]
    [InlineData(KeySpec.ECC_NIST_P256, 32)]
    [InlineData(KeySpec.ECC_NIST_P384, 48)]
    [InlineData(KeySpec.ECC_NIST_P521, 66)]
    [InlineData(KeySpec.SM2, 32)]
    public void Both_sides_derive_the_same_raw_x_coordinate_of_the_curve_size(KeySpec spec, int length)
    {
        using var a = TestKeys.Key(spec);
        var other = Trent.Core.Crypto.Asymmetric.KeyMaterialGenerator.GenerateKeyPair(spec, Trent.Core.Crypto.SystemRandomSource.Instance);
        using var b = AsymmetricKey.Import(spec, other.PrivateKey);
        var secret = a.DeriveSharedSecret(b.PublicKey.Span);
        Assert.Equal(length, secret.Length);
        Assert.Equal(secret, b.DeriveSharedSecret(a.PublicKey.Span));
    }

    public static TheoryData<string, byte[]> MalformedPeerKeys()
    {
        using var p256 = TestKeys.Key(KeySpec.ECC_NIST_P256);
        var spki = p256.PublicKey.ToArray();
        var offCurve = spki.ToArray();
        offCurve[^1] ^= 0x01;
        var compressed = new byte[] { 0x30, 0x39, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x22, 0x00, (byte)(0x02 | (spki[^1] & 1)) }
            .Concat(spki.AsSpan(spki.Length - 64, 32).ToArray()).ToArray();
        return new TheoryData<string, byte[]>
        {
            { "key on P-384", TestKeys.Pair(KeySpec.ECC_NIST_P384).PublicKey },
            { "key on secp256k1", TestKeys.Pair(KeySpec.ECC_SECG_P256K1).PublicKey },
            { "key on sm2p256v1", TestKeys.Pair(KeySpec.SM2).PublicKey },
            { "RSA key", TestKeys.Pair(KeySpec.RSA_2048).PublicKey },
            { "Ed25519 key", TestKeys.Pair(KeySpec.ECC_NIST_EDWARDS25519).PublicKey },
            { "point off the curve", offCurve },
            { "compressed point", compressed },
            { "trailing byte", [.. spki, 0] },
            { "truncated", spki[..^1] },
            { "empty", [] },
            { "garbage", RandomNumberGenerator.GetBytes(91) },
            { "bare point", spki[^65..] },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedPeerKeys))]
    public void A_peer_key_that_is_malformed_or_on_another_curve_is_a_validation_exception_with_an_empty_message(string description, byte[] peer)
    {
        using var key = TestKeys.Key(KeySpec.ECC_NIST_P256);
        var error = Assert.Throws<KmsException>(() => key.DeriveSharedSecret(peer));
        Assert.True(error.Code == KmsErrorCode.ValidationException, description);
        Assert.Equal(string.Empty, error.WireMessage);
    }

    [Fact]
    public void An_sm2_key_refuses_a_nist_peer_and_a_point_off_its_curve()
    {
        using var key = TestKeys.Key(KeySpec.SM2);
        var offCurve = TestKeys.Pair(KeySpec.SM2).PublicKey.ToArray();
        offCurve[^1] ^= 0x01;
        foreach (var peer in new[] { TestKeys.Pair(KeySpec.ECC_NIST_P256).PublicKey, offCurve })
        {
            Assert.Equal(KmsErrorCode.ValidationException, Assert.Throws<KmsException>(() => key.DeriveSharedSecret(peer)).Code);
        }
    }

    [Theory]
    [InlineData(KeySpec.ECC_SECG_P256K1)]
    [InlineData(KeySpec.ECC_NIST_EDWARDS25519)]
    [InlineData(KeySpec.RSA_2048)]
    [InlineData(KeySpec.ML_DSA_44)]
    public void A_key_spec_without_ecdh_is_invalid_key_usage(KeySpec spec)
    {
        using var key = TestKeys.Key(spec);
        var error = Assert.Throws<KmsException>(() => key.DeriveSharedSecret(key.PublicKey.Span));
        Assert.Equal(KmsErrorCode.InvalidKeyUsageException, error.Code);
        Assert.Equal($"Algorithm ECDH is incompatible with key spec {spec}.", error.Message);
    }
}
