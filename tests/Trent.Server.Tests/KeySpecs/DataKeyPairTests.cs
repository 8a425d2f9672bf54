using System.Formats.Asn1;
using System.Security.Cryptography;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Crypto;
using Trent.Server.Tests.KeyManagement.Support;
using static Trent.Server.Tests.KeySpecs.KeySpecKit;

namespace Trent.Server.Tests.KeySpecs;

/// <summary>GenerateDataKeyPair and GenerateDataKeyPairWithoutPlaintext for every DataKeyPairSpec.</summary>
[Collection(KeySpecCollection.Name)]
public sealed class DataKeyPairTests(KeySpecServer fx)
{
    private static readonly Dictionary<string, string> Context = KeySpecServer.DataKeyPairContext;

    public static TheoryData<string> PairSpecs() => new(DataKeyPairSpecs);

    [Theory]
    [MemberData(nameof(PairSpecs))]
    public async Task GenerateDataKeyPair_returns_a_PKCS8_private_key_its_public_key_and_a_ciphertext_that_Decrypt_opens_with_the_context(string spec)
    {
        var kms = fx.For(spec);
        var wrapping = await fx.SymmetricKeyAsync(kms);

        var pair = await fx.DataKeyPairAsync(spec);

        Assert.Equal(wrapping.Arn, pair.KeyId);
        Assert.Equal(spec, pair.KeyPairSpec.Value);
        Assert.Equal(wrapping.CurrentKeyMaterialId, pair.KeyMaterialId);
        var privateKey = Bytes(pair.PrivateKeyPlaintext);
        var publicKey = Bytes(pair.PublicKey);
        AssertMatchingPair(spec, privateKey, publicKey);

        // The ciphertext is an ordinary symmetric ciphertext of exactly the PKCS#8 bytes, bound to the context.
        var ciphertext = Bytes(pair.PrivateKeyCiphertextBlob);
        var decrypted = await kms.DecryptAsync(new DecryptRequest { CiphertextBlob = Stream(ciphertext), EncryptionContext = Context });
        Assert.Equal(privateKey, Bytes(decrypted.Plaintext));
        Assert.Equal(wrapping.Arn, decrypted.KeyId);
        await CryptoKit.InvalidCiphertextAsync(() => kms.DecryptAsync(new DecryptRequest { CiphertextBlob = Stream(ciphertext) }));
        await CryptoKit.InvalidCiphertextAsync(() => kms.DecryptAsync(new DecryptRequest { CiphertextBlob = Stream(ciphertext), EncryptionContext = new() { ["tenant"] = "red" } }));
    }

    [Theory]
    [MemberData(nameof(PairSpecs))]
    public async Task GenerateDataKeyPairWithoutPlaintext_returns_the_public_key_and_a_ciphertext_of_its_private_key(string spec)
    {
        var kms = fx.For(spec);
        var wrapping = await fx.SymmetricKeyAsync(kms);

        var pair = await fx.DataKeyPairWithoutPlaintextAsync(spec);

        Assert.Equal(wrapping.Arn, pair.KeyId);
        Assert.Equal(spec, pair.KeyPairSpec.Value);
        Assert.Equal(wrapping.CurrentKeyMaterialId, pair.KeyMaterialId);
        var privateKey = Bytes((await kms.DecryptAsync(new DecryptRequest { CiphertextBlob = Stream(Bytes(pair.PrivateKeyCiphertextBlob)), EncryptionContext = Context })).Plaintext);
        AssertMatchingPair(spec, privateKey, Bytes(pair.PublicKey));
        // Every call makes a new pair.
        Assert.NotEqual(Bytes((await fx.DataKeyPairAsync(spec)).PublicKey), Bytes(pair.PublicKey));
    }

    [Fact]
    public async Task GenerateDataKeyPair_with_an_SM2_spec_outside_the_China_Regions_returns_UnsupportedOperationException()
    {
        var wrapping = await fx.SymmetricKeyAsync();
        const string message = "KeyPairSpec SM2 is available only in the China Regions (cn-north-1, cn-northwest-1), not in us-east-1.";

        await Expect.Error<UnsupportedOperationException>(
            () => fx.Kms.GenerateDataKeyPairAsync(new GenerateDataKeyPairRequest { KeyId = wrapping.Arn, KeyPairSpec = DataKeyPairSpec.SM2 }), message);
        await Expect.Error<UnsupportedOperationException>(
            () => fx.Kms.GenerateDataKeyPairWithoutPlaintextAsync(new GenerateDataKeyPairWithoutPlaintextRequest { KeyId = wrapping.Arn, KeyPairSpec = DataKeyPairSpec.SM2 }), message);
    }

    [Fact]
    public async Task GenerateDataKeyPair_with_an_ML_DSA_spec_returns_the_model_enum_ValidationException()
    {
        var wrapping = await fx.SymmetricKeyAsync();

        await Expect.Validation(
            () => fx.Kms.GenerateDataKeyPairAsync(new GenerateDataKeyPairRequest { KeyId = wrapping.Arn, KeyPairSpec = new DataKeyPairSpec("ML_DSA_44") }),
            "1 validation error detected: Value 'ML_DSA_44' at 'keyPairSpec' failed to satisfy constraint: Member must satisfy enum value set: " +
            "[RSA_2048, RSA_3072, RSA_4096, ECC_NIST_P256, ECC_NIST_P384, ECC_NIST_P521, ECC_SECG_P256K1, SM2, ECC_NIST_EDWARDS25519]");
    }

    [Theory]
    [InlineData("RSA_2048", "ENCRYPT_DECRYPT")]
    [InlineData("ECC_NIST_P256", "SIGN_VERIFY")]
    [InlineData("HMAC_256", "GENERATE_VERIFY_MAC")]
    public async Task GenerateDataKeyPair_under_a_key_that_is_not_a_symmetric_encryption_key_returns_InvalidKeyUsageException(string spec, string usage)
    {
        var key = await fx.KeyAsync(spec, usage);
        foreach (var operation in new[] { "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext" })
        {
            // [U] Trent names the spec too: "key usage is ENCRYPT_DECRYPT" alone would puzzle the owner of an RSA key.
            var message = $"{key.Arn} key usage is {usage} and key spec is {spec}, which is not valid for {operation}.";
            await InvalidKeyUsage(
                () => operation == "GenerateDataKeyPair"
                    ? fx.Kms.GenerateDataKeyPairAsync(new GenerateDataKeyPairRequest { KeyId = key.Arn, KeyPairSpec = DataKeyPairSpec.ECC_NIST_P256 })
                    : fx.Kms.GenerateDataKeyPairWithoutPlaintextAsync(new GenerateDataKeyPairWithoutPlaintextRequest { KeyId = key.Arn, KeyPairSpec = DataKeyPairSpec.ECC_NIST_P256 }),
                message);
        }
    }

    /// <summary>
    /// The PKCS#8 private key yields the returned public key: with .NET for RSA and the NIST and secp256k1 curves; by its
    /// algorithm identifier here and with OpenSSL in the interop tests for Ed25519 and SM2.
    /// </summary>
    private static void AssertMatchingPair(string spec, byte[] pkcs8, byte[] spki)
    {
        var info = new AsnReader(pkcs8, AsnEncodingRules.DER).ReadSequence();
        info.ReadInteger();
        var algorithm = info.ReadSequence();
        var oid = algorithm.ReadObjectIdentifier();
        switch (spec)
        {
            case "RSA_2048" or "RSA_3072" or "RSA_4096":
                using (var rsa = RSA.Create())
                {
                    rsa.ImportPkcs8PrivateKey(pkcs8, out var read);
                    Assert.Equal(pkcs8.Length, read);
                    Assert.Equal(int.Parse(spec[4..], System.Globalization.CultureInfo.InvariantCulture), rsa.KeySize);
                    Assert.Equal(spki, rsa.ExportSubjectPublicKeyInfo());
                }
                break;
            case "ECC_NIST_P256" or "ECC_NIST_P384" or "ECC_NIST_P521" or "ECC_SECG_P256K1":
                using (var ecdsa = ECDsa.Create())
                {
                    ecdsa.ImportPkcs8PrivateKey(pkcs8, out var read);
                    Assert.Equal(pkcs8.Length, read);
                    Assert.Equal(spki, ecdsa.ExportSubjectPublicKeyInfo());
                }
                break;
            case "ECC_NIST_EDWARDS25519":
                Assert.Equal("1.3.101.112", oid);
                Assert.Equal("1.3.101.112", SpkiAlgorithm(spki));
                break;
            default:
                Assert.Equal("1.2.840.10045.2.1", oid);
                Assert.Equal("1.2.156.10197.1.301", algorithm.ReadObjectIdentifier());
                Assert.Equal("1.2.840.10045.2.1", SpkiAlgorithm(spki));
                break;
        }
    }

    private static string SpkiAlgorithm(byte[] spki)
    {
        SpkiKeyBits(spki, out var oid, out _);
        return oid;
    }
}
