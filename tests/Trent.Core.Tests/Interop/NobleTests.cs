using System.Formats.Asn1;
using System.Security.Cryptography;
using Trent.Core.Crypto.Asymmetric;
using Trent.Core.Keys;
using Trent.Core.Tests.Asymmetric;

namespace Trent.Core.Tests.Interop;

/// <summary>
/// ML-DSA and Ed25519ph against the @noble JavaScript implementations (OpenSSL 3.0 has neither: ML-DSA arrived in
/// 3.5 and Ed25519ph in 3.2).
/// </summary>
public sealed class NobleTests
{
    private static readonly byte[] Message = "Trent interop message for post-quantum signatures"u8.ToArray();

    public static TheoryData<KeySpec, string> MlDsaSpecs() => new()
    {
        { KeySpec.ML_DSA_44, "44" },
        { KeySpec.ML_DSA_65, "65" },
        { KeySpec.ML_DSA_87, "87" },
    };

    [Theory]
    [MemberData(nameof(MlDsaSpecs))]
    public void Ml_dsa_public_key_is_the_one_noble_derives_from_the_stored_seed(KeySpec spec, string level)
    {
        using var key = TestKeys.Key(spec);
        Assert.Equal(Hex(PublicKeyBits(key)), Noble.MlDsa("keygen", level, Hex(Seed(spec))));
    }

    [Theory]
    [MemberData(nameof(MlDsaSpecs))]
    public void Ml_dsa_raw_and_external_mu_signatures_verify_in_noble_as_signatures_of_the_message(KeySpec spec, string level)
    {
        using var key = TestKeys.Key(spec);
        var publicKey = Hex(PublicKeyBits(key));
        var mu = Mu(PublicKeyBits(key), Message);
        Assert.Equal(Hex(mu), Noble.MlDsa("mu", level, publicKey, Hex(Message)));

        var raw = key.Sign(SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.RAW, Message);
        var external = key.Sign(SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.EXTERNAL_MU, mu);
        foreach (var signature in new[] { raw, external })
        {
            Assert.Equal("valid", Noble.MlDsa("verify", level, publicKey, Hex(Message), Hex(signature)));
            Assert.Equal("valid", Noble.MlDsa("verify-mu", level, publicKey, Hex(mu), Hex(signature)));
        }
        Assert.Equal("invalid", Noble.MlDsa("verify", level, publicKey, Hex([.. Message, 0]), Hex(raw)));
    }

    [Theory]
    [MemberData(nameof(MlDsaSpecs))]
    public void Noble_ml_dsa_signatures_verify_in_trent_as_raw_and_as_external_mu(KeySpec spec, string level)
    {
        using var key = TestKeys.Key(spec);
        var signature = Convert.FromHexString(Noble.MlDsa("sign", level, Hex(Seed(spec)), Hex(Message)));
        var mu = Mu(PublicKeyBits(key), Message);
        Assert.True(key.Verify(SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.RAW, Message, signature));
        Assert.True(key.Verify(SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.EXTERNAL_MU, mu, signature));
        mu[0] ^= 1;
        Assert.False(key.Verify(SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.EXTERNAL_MU, mu, signature));
    }

    [Fact]
    public void Ed25519ph_signature_of_a_digest_is_noble_ed25519ph_over_that_digest()
    {
        // KMS applies Ed25519ph's own SHA-512 to the 64-byte DIGEST it is given (see Ed25519Key), which is exactly
        // noble's ed25519ph with the digest as its message. Ed25519 is deterministic, so the bytes must be equal.
        using var key = TestKeys.Key(KeySpec.ECC_NIST_EDWARDS25519);
        var digest = SHA512.HashData(Message);
        var signature = key.Sign(SigningAlgorithm.ED25519_PH_SHA_512, MessageType.DIGEST, digest);
        var publicKey = Hex(key.PublicKey.Span[^32..].ToArray());
        Assert.Equal("valid", Noble.Ed25519ph("verify", publicKey, Hex(digest), Hex(signature)));
        Assert.Equal(Hex(signature), Noble.Ed25519ph("sign", Hex(Ed25519Seed()), Hex(digest)));
        Assert.Equal("invalid", Noble.Ed25519ph("verify", publicKey, Hex(Message), Hex(signature)));
    }

    /// <summary>μ = SHAKE256(SHAKE256(pk, 64) ‖ 0x00 ‖ 0x00 ‖ M, 64): FIPS 204 Algorithm 2 with the empty context, computed with .NET's SHAKE.</summary>
    private static byte[] Mu(byte[] publicKey, byte[] message) =>
        Shake256.HashData([.. Shake256.HashData(publicKey, 64), 0, 0, .. message], 64);

    private static byte[] PublicKeyBits(AsymmetricKey key)
    {
        var spki = new AsnReader(key.PublicKey, AsnEncodingRules.DER).ReadSequence();
        spki.ReadSequence();
        return spki.ReadBitString(out _);
    }

    /// <summary>The 32-byte seed inside the seed-form PKCS#8: OCTET STRING { [0] seed }.</summary>
    private static byte[] Seed(KeySpec spec)
    {
        var pkcs8 = TestKeys.Pair(spec).PrivateKey;
        Assert.Equal(54, pkcs8.Length);
        return pkcs8[^32..];
    }

    private static byte[] Ed25519Seed() => TestKeys.Pair(KeySpec.ECC_NIST_EDWARDS25519).PrivateKey[^32..];

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
