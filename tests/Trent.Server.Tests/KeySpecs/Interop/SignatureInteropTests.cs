using System.Security.Cryptography;
using Amazon.KeyManagementService.Model;
using Trent.Core.Tests.Interop;
using static Trent.Server.Tests.KeySpecs.KeySpecKit;

namespace Trent.Server.Tests.KeySpecs.Interop;

/// <summary>
/// Signatures cross between Trent's API and independent implementations: OpenSSL (RSA, ECDSA, Ed25519, SM2) and
/// @noble (Ed25519ph, ML-DSA), with the public key from GetPublicKey. To sign as a KMS key, the independent side uses
/// the private key unsealed from the data directory, as only an operator holding the root key could.
/// </summary>
[Collection(KeySpecCollection.Name)]
public sealed class SignatureInteropTests(KeySpecServer fx)
{
    private static readonly string[] PssOptions = ["-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest"];

    /// <summary>Key spec, algorithm and the <c>openssl dgst</c> options of the same scheme.</summary>
    public static TheoryData<string, string, string[]> DigestSigners() => new()
    {
        { "RSA_2048", "RSASSA_PKCS1_V1_5_SHA_256", ["-sha256"] },
        { "RSA_2048", "RSASSA_PKCS1_V1_5_SHA_384", ["-sha384"] },
        { "RSA_2048", "RSASSA_PKCS1_V1_5_SHA_512", ["-sha512"] },
        // rsa_pss_saltlen:digest makes OpenSSL insist on a salt as long as the hash, as KMS uses; MGF1 uses the same hash.
        { "RSA_2048", "RSASSA_PSS_SHA_256", ["-sha256", .. PssOptions, "-sigopt", "rsa_mgf1_md:sha256"] },
        { "RSA_2048", "RSASSA_PSS_SHA_384", ["-sha384", .. PssOptions, "-sigopt", "rsa_mgf1_md:sha384"] },
        { "RSA_2048", "RSASSA_PSS_SHA_512", ["-sha512", .. PssOptions, "-sigopt", "rsa_mgf1_md:sha512"] },
        { "RSA_3072", "RSASSA_PSS_SHA_384", ["-sha384", .. PssOptions] },
        { "RSA_3072", "RSASSA_PKCS1_V1_5_SHA_256", ["-sha256"] },
        { "RSA_4096", "RSASSA_PKCS1_V1_5_SHA_512", ["-sha512"] },
        { "RSA_4096", "RSASSA_PSS_SHA_256", ["-sha256", .. PssOptions] },
        { "ECC_NIST_P256", "ECDSA_SHA_256", ["-sha256"] },
        { "ECC_NIST_P384", "ECDSA_SHA_384", ["-sha384"] },
        { "ECC_NIST_P521", "ECDSA_SHA_512", ["-sha512"] },
        { "ECC_SECG_P256K1", "ECDSA_SHA_256", ["-sha256"] },
    };

    public static TheoryData<string, string> MlDsaSpecs() => new()
    {
        { "ML_DSA_44", "44" },
        { "ML_DSA_65", "65" },
        { "ML_DSA_87", "87" },
    };

    [Theory]
    [MemberData(nameof(DigestSigners))]
    public async Task Trent_signatures_of_messages_and_of_digests_verify_in_openssl_with_the_GetPublicKey_key(string spec, string algorithm, string[] options)
    {
        var key = await fx.KeyAsync(spec, "SIGN_VERIFY");
        using var openssl = new OpenSsl();
        var publicKey = openssl.PublicKey(await fx.PublicKeyAsync(key));
        var message = openssl.Write("msg.bin", Message);

        foreach (var (type, input) in new[] { ("RAW", Message), ("DIGEST", Digest(algorithm, Message)) })
        {
            openssl.Write("sig.bin", Bytes((await fx.Kms.SignAsync(key, algorithm, input, type)).Signature));
            var output = openssl.Run(["dgst", .. options, "-verify", publicKey, "-signature", openssl.PathOf("sig.bin"), message]);
            Assert.Contains("Verified OK", output, StringComparison.Ordinal);
        }
        // OpenSSL tells a signature of another message apart (the check above is not vacuous).
        openssl.Write("other.bin", [.. Message, (byte)'!']);
        Assert.NotEqual(0, openssl.Try(["dgst", .. options, "-verify", publicKey, "-signature", openssl.PathOf("sig.bin"), openssl.PathOf("other.bin")]).ExitCode);
    }

    [Theory]
    [MemberData(nameof(DigestSigners))]
    public async Task Openssl_signatures_made_with_the_KMS_private_key_verify_in_Trent_as_RAW_and_as_DIGEST(string spec, string algorithm, string[] options)
    {
        var key = await fx.KeyAsync(spec, "SIGN_VERIFY");
        using var openssl = new OpenSsl();
        var privateKey = openssl.PrivateKey(fx.PrivateMaterial(key));
        openssl.Run(["dgst", .. options, "-sign", privateKey, "-out", openssl.PathOf("sig.bin"), openssl.Write("msg.bin", Message)]);
        var signature = openssl.Read("sig.bin");

        Assert.True((await fx.Kms.VerifyAsync(key, algorithm, Message, signature)).SignatureValid);
        Assert.True((await fx.Kms.VerifyAsync(key, algorithm, Digest(algorithm, Message), signature, "DIGEST")).SignatureValid);
        await NoMessageError<KMSInvalidSignatureException>(() => fx.Kms.VerifyAsync(key, algorithm, [.. Message, 0], signature));
    }

    [Fact]
    public async Task Ed25519_signatures_verify_in_openssl_and_openssl_signs_the_same_bytes_which_verify_in_Trent()
    {
        var key = await fx.KeyAsync("ECC_NIST_EDWARDS25519", "SIGN_VERIFY");
        using var openssl = new OpenSsl();
        var message = openssl.Write("msg.bin", Message);
        var signature = Bytes((await fx.Kms.SignAsync(key, "ED25519_SHA_512", Message)).Signature);
        openssl.Write("sig.bin", signature);

        var output = openssl.Run("pkeyutl", "-verify", "-pubin", "-inkey", openssl.PublicKey(await fx.PublicKeyAsync(key)), "-rawin", "-in", message, "-sigfile", openssl.PathOf("sig.bin"));
        Assert.Contains("Signature Verified Successfully", output, StringComparison.Ordinal);

        // Ed25519 is deterministic: OpenSSL's signature with the same private key is the same bytes.
        openssl.Run("pkeyutl", "-sign", "-inkey", openssl.PrivateKey(fx.PrivateMaterial(key)), "-rawin", "-in", message, "-out", openssl.PathOf("theirs.bin"));
        Assert.Equal(signature, openssl.Read("theirs.bin"));
        Assert.True((await fx.Kms.VerifyAsync(key, "ED25519_SHA_512", Message, openssl.Read("theirs.bin"))).SignatureValid);
    }

    [Fact]
    public async Task Ed25519ph_signatures_of_a_digest_are_noble_ed25519ph_over_that_digest_in_both_directions()
    {
        // OpenSSL 3.0 has no Ed25519ph. KMS applies Ed25519ph's SHA-512 prehash to the 64-byte DIGEST it is given, which
        // is noble's ed25519ph with the digest as its message [U: the AWS behaviour digest, not observed].
        var key = await fx.KeyAsync("ECC_NIST_EDWARDS25519", "SIGN_VERIFY");
        var digest = SHA512.HashData(Message);
        var publicKey = Hex(SpkiKeyBits(await fx.PublicKeyAsync(key)));
        var signature = Bytes((await fx.Kms.SignAsync(key, "ED25519_PH_SHA_512", digest, "DIGEST")).Signature);

        Assert.Equal("valid", Noble.Ed25519ph("verify", publicKey, Hex(digest), Hex(signature)));
        Assert.Equal("invalid", Noble.Ed25519ph("verify", publicKey, Hex(Message), Hex(signature)));
        var seed = PrivateKeys.SecretParts("ECC_NIST_EDWARDS25519", fx.PrivateMaterial(key)).Single().Secret;
        var theirs = Convert.FromHexString(Noble.Ed25519ph("sign", Hex(seed), Hex(digest)));
        Assert.Equal(signature, theirs);
        Assert.True((await fx.Kms.VerifyAsync(key, "ED25519_PH_SHA_512", digest, theirs, "DIGEST")).SignatureValid);
    }

    [Fact]
    public async Task Sm2dsa_signatures_with_the_default_distinguishing_id_interoperate_with_openssl_in_both_directions()
    {
        var key = await fx.KeyAsync("SM2", "SIGN_VERIFY");
        var spki = await fx.PublicKeyAsync(key);
        using var openssl = new OpenSsl();
        var message = openssl.Write("msg.bin", Message);
        string[] sm2 = ["-rawin", "-digest", "sm3", "-pkeyopt", "distid:1234567812345678"];
        // e = SM3(Z ‖ M), computed with OpenSSL's SM3 from the curve constants and the public key.
        var e = Sm2Reference.E(openssl, spki, Message);

        foreach (var (type, input) in new[] { ("RAW", Message), ("DIGEST", e) })
        {
            openssl.Write("sig.bin", Bytes((await fx.China.SignAsync(key, "SM2DSA", input, type)).Signature));
            var output = openssl.Run(["pkeyutl", "-verify", "-pubin", "-inkey", openssl.PublicKey(spki), .. sm2, "-in", message, "-sigfile", openssl.PathOf("sig.bin")]);
            Assert.Contains("Signature Verified Successfully", output, StringComparison.Ordinal);
        }

        openssl.Run(["pkeyutl", "-sign", "-inkey", openssl.PrivateKey(fx.PrivateMaterial(key)), .. sm2, "-in", message, "-out", openssl.PathOf("theirs.bin")]);
        var theirs = openssl.Read("theirs.bin");
        Assert.True((await fx.China.VerifyAsync(key, "SM2DSA", Message, theirs)).SignatureValid);
        Assert.True((await fx.China.VerifyAsync(key, "SM2DSA", e, theirs, "DIGEST")).SignatureValid);
        await NoMessageError<KMSInvalidSignatureException>(() => fx.China.VerifyAsync(key, "SM2DSA", [.. Message, 0], theirs));
    }

    [Theory]
    [MemberData(nameof(MlDsaSpecs))]
    public async Task Ml_dsa_signatures_of_RAW_messages_and_of_EXTERNAL_MU_verify_in_noble(string spec, string level)
    {
        var key = await fx.KeyAsync(spec, "SIGN_VERIFY");
        var rawPublicKey = SpkiKeyBits(await fx.PublicKeyAsync(key));
        var publicKey = Hex(rawPublicKey);
        var mu = Mu(rawPublicKey, Message);
        Assert.Equal(Hex(mu), Noble.MlDsa("mu", level, publicKey, Hex(Message)));

        var raw = Bytes((await fx.Kms.SignAsync(key, "ML_DSA_SHAKE_256", Message)).Signature);
        var external = Bytes((await fx.Kms.SignAsync(key, "ML_DSA_SHAKE_256", mu, "EXTERNAL_MU")).Signature);
        foreach (var signature in new[] { raw, external })
        {
            Assert.Equal("valid", Noble.MlDsa("verify", level, publicKey, Hex(Message), Hex(signature)));
            Assert.Equal("valid", Noble.MlDsa("verify-mu", level, publicKey, Hex(mu), Hex(signature)));
        }
        Assert.Equal("invalid", Noble.MlDsa("verify", level, publicKey, Hex([.. Message, 0]), Hex(raw)));
    }

    [Theory]
    [MemberData(nameof(MlDsaSpecs))]
    public async Task Noble_ml_dsa_signatures_with_the_KMS_key_seed_verify_in_Trent_as_RAW_and_as_EXTERNAL_MU(string spec, string level)
    {
        var key = await fx.KeyAsync(spec, "SIGN_VERIFY");
        var seed = PrivateKeys.MlDsaSeed(fx.PrivateMaterial(key));
        var rawPublicKey = SpkiKeyBits(await fx.PublicKeyAsync(key));
        Assert.Equal(Hex(rawPublicKey), Noble.MlDsa("keygen", level, Hex(seed)));

        var theirs = Convert.FromHexString(Noble.MlDsa("sign", level, Hex(seed), Hex(Message)));
        Assert.True((await fx.Kms.VerifyAsync(key, "ML_DSA_SHAKE_256", Message, theirs)).SignatureValid);
        Assert.True((await fx.Kms.VerifyAsync(key, "ML_DSA_SHAKE_256", Mu(rawPublicKey, Message), theirs, "EXTERNAL_MU")).SignatureValid);
        await NoMessageError<KMSInvalidSignatureException>(() => fx.Kms.VerifyAsync(key, "ML_DSA_SHAKE_256", [.. Message, 0], theirs));
    }
}
