using System.Security.Cryptography;
using Trent.Core.Crypto.Asymmetric;
using Trent.Core.Keys;
using Trent.Core.Tests.Asymmetric;

namespace Trent.Core.Tests.Interop;

/// <summary>Trent's signatures verify in OpenSSL, and OpenSSL's verify in Trent, with the public key Trent publishes.</summary>
public sealed class OpenSslSignatureTests
{
    private static readonly byte[] Message = "Trent interop message: the quick brown fox jumps over the lazy dog"u8.ToArray();

    public static TheoryData<KeySpec, SigningAlgorithm, string[]> DigestSigners() => new()
    {
        { KeySpec.RSA_2048, SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_256, ["-sha256"] },
        { KeySpec.RSA_2048, SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_384, ["-sha384"] },
        { KeySpec.RSA_2048, SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_512, ["-sha512"] },
        // rsa_pss_saltlen:digest makes OpenSSL insist on a salt as long as the hash, as KMS uses.
        { KeySpec.RSA_2048, SigningAlgorithm.RSASSA_PSS_SHA_256, ["-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest", "-sigopt", "rsa_mgf1_md:sha256"] },
        { KeySpec.RSA_2048, SigningAlgorithm.RSASSA_PSS_SHA_384, ["-sha384", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest", "-sigopt", "rsa_mgf1_md:sha384"] },
        { KeySpec.RSA_2048, SigningAlgorithm.RSASSA_PSS_SHA_512, ["-sha512", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest", "-sigopt", "rsa_mgf1_md:sha512"] },
        { KeySpec.RSA_3072, SigningAlgorithm.RSASSA_PSS_SHA_384, ["-sha384", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest"] },
        { KeySpec.RSA_4096, SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_512, ["-sha512"] },
        { KeySpec.ECC_NIST_P256, SigningAlgorithm.ECDSA_SHA_256, ["-sha256"] },
        { KeySpec.ECC_NIST_P384, SigningAlgorithm.ECDSA_SHA_384, ["-sha384"] },
        { KeySpec.ECC_NIST_P521, SigningAlgorithm.ECDSA_SHA_512, ["-sha512"] },
        { KeySpec.ECC_SECG_P256K1, SigningAlgorithm.ECDSA_SHA_256, ["-sha256"] },
    };

    [Theory]
    [MemberData(nameof(DigestSigners))]
    public void Trent_signatures_of_raw_messages_and_of_digests_verify_in_openssl(KeySpec spec, SigningAlgorithm algorithm, string[] options)
    {
        using var key = TestKeys.Key(spec);
        using var openssl = new OpenSsl();
        var publicKey = openssl.PublicKey(key.PublicKey.ToArray());
        var message = openssl.Write("msg.bin", Message);
        var digest = HashOf(algorithm, Message);
        foreach (var (type, input) in new[] { (MessageType.RAW, Message), (MessageType.DIGEST, digest) })
        {
            openssl.Write("sig.bin", key.Sign(algorithm, type, input));
            var output = openssl.Run(["dgst", .. options, "-verify", publicKey, "-signature", openssl.PathOf("sig.bin"), message]);
            Assert.Contains("Verified OK", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(DigestSigners))]
    public void Openssl_signatures_verify_in_trent_for_raw_messages_and_digests(KeySpec spec, SigningAlgorithm algorithm, string[] options)
    {
        using var key = TestKeys.Key(spec);
        using var openssl = new OpenSsl();
        var privateKey = openssl.PrivateKey(TestKeys.Pair(spec).PrivateKey);
        openssl.Run(["dgst", .. options, "-sign", privateKey, "-out", openssl.PathOf("sig.bin"), openssl.Write("msg.bin", Message)]);
        var signature = openssl.Read("sig.bin");
        Assert.True(key.Verify(algorithm, MessageType.RAW, Message, signature));
        Assert.True(key.Verify(algorithm, MessageType.DIGEST, HashOf(algorithm, Message), signature));
        Assert.False(key.Verify(algorithm, MessageType.RAW, [.. Message, 0], signature));
    }

    [Fact]
    public void Ed25519_signatures_verify_in_openssl_and_openssl_signs_identically()
    {
        using var key = TestKeys.Key(KeySpec.ECC_NIST_EDWARDS25519);
        using var openssl = new OpenSsl();
        var message = openssl.Write("msg.bin", Message);
        openssl.Write("sig.bin", key.Sign(SigningAlgorithm.ED25519_SHA_512, MessageType.RAW, Message));
        var output = openssl.Run("pkeyutl", "-verify", "-pubin", "-inkey", openssl.PublicKey(key.PublicKey.ToArray()), "-rawin", "-in", message, "-sigfile", openssl.PathOf("sig.bin"));
        Assert.Contains("Signature Verified Successfully", output, StringComparison.Ordinal);

        // Ed25519 is deterministic: OpenSSL's signature with the same key must be the same bytes, and verify in Trent.
        openssl.Run("pkeyutl", "-sign", "-inkey", openssl.PrivateKey(TestKeys.Pair(KeySpec.ECC_NIST_EDWARDS25519).PrivateKey), "-rawin", "-in", message, "-out", openssl.PathOf("theirs.bin"));
        Assert.Equal(openssl.Read("sig.bin"), openssl.Read("theirs.bin"));
        Assert.True(key.Verify(SigningAlgorithm.ED25519_SHA_512, MessageType.RAW, Message, openssl.Read("theirs.bin")));
    }

    [Fact]
    public void Sm2dsa_signatures_with_the_default_distinguishing_id_interoperate_with_openssl_in_both_directions()
    {
        using var key = TestKeys.Key(KeySpec.SM2);
        using var openssl = new OpenSsl();
        var message = openssl.Write("msg.bin", Message);
        string[] sm2 = ["-rawin", "-digest", "sm3", "-pkeyopt", "distid:1234567812345678"];

        // RAW: Trent computes e = SM3(Z ‖ M). DIGEST: the test computes e independently and Trent signs it as given.
        var e = Sm2Reference.E(openssl, key.PublicKey.ToArray(), Message);
        foreach (var (type, input) in new[] { (MessageType.RAW, Message), (MessageType.DIGEST, e) })
        {
            openssl.Write("sig.bin", key.Sign(SigningAlgorithm.SM2DSA, type, input));
            var output = openssl.Run(["pkeyutl", "-verify", "-pubin", "-inkey", openssl.PublicKey(key.PublicKey.ToArray()), .. sm2, "-in", message, "-sigfile", openssl.PathOf("sig.bin")]);
            Assert.Contains("Signature Verified Successfully", output, StringComparison.Ordinal);
        }

        openssl.Run(["pkeyutl", "-sign", "-inkey", openssl.PrivateKey(TestKeys.Pair(KeySpec.SM2).PrivateKey), .. sm2, "-in", message, "-out", openssl.PathOf("theirs.bin")]);
        var theirs = openssl.Read("theirs.bin");
        Assert.True(key.Verify(SigningAlgorithm.SM2DSA, MessageType.RAW, Message, theirs));
        Assert.True(key.Verify(SigningAlgorithm.SM2DSA, MessageType.DIGEST, e, theirs));
        Assert.False(key.Verify(SigningAlgorithm.SM2DSA, MessageType.RAW, [.. Message, 0], theirs));
    }

    private static byte[] HashOf(SigningAlgorithm algorithm, byte[] message) => AlgorithmRules.DigestLength(algorithm) switch
    {
        32 => SHA256.HashData(message),
        48 => SHA384.HashData(message),
        _ => SHA512.HashData(message),
    };
}
