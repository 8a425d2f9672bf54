using System.Security.Cryptography;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Crypto;
using Trent.Server.Tests.KeyManagement.Support;
using static Trent.Server.Tests.KeySpecs.KeySpecKit;

namespace Trent.Server.Tests.KeySpecs;

/// <summary>Encrypt, Decrypt and ReEncrypt with RSA (RSAES-OAEP) and SM2 (SM2PKE) keys.</summary>
[Collection(KeySpecCollection.Name)]
public sealed class AsymmetricEncryptionTests(KeySpecServer fx)
{
    /// <summary>AWS's plaintext limits: the OAEP bound (modulus bytes − 2·hash − 2) and 1024 bytes for SM2PKE.</summary>
    public static TheoryData<string, string, int> Limits() => new()
    {
        { "RSA_2048", "RSAES_OAEP_SHA_1", 214 },
        { "RSA_2048", "RSAES_OAEP_SHA_256", 190 },
        { "RSA_3072", "RSAES_OAEP_SHA_1", 342 },
        { "RSA_3072", "RSAES_OAEP_SHA_256", 318 },
        { "RSA_4096", "RSAES_OAEP_SHA_1", 470 },
        { "RSA_4096", "RSAES_OAEP_SHA_256", 446 },
        { "SM2", "SM2PKE", 1024 },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public async Task Encrypt_takes_a_plaintext_up_to_AWS_limit_and_Decrypt_returns_it(string spec, string algorithm, int limit)
    {
        var key = await fx.KeyAsync(spec, "ENCRYPT_DECRYPT");
        var kms = fx.For(spec);

        foreach (var plaintext in new[] { RandomNumberGenerator.GetBytes(limit), "x"u8.ToArray() })
        {
            var encrypted = await kms.EncryptAsync(new EncryptRequest { KeyId = key.Arn, Plaintext = Stream(plaintext), EncryptionAlgorithm = new EncryptionAlgorithmSpec(algorithm) });
            Assert.Equal(key.Arn, encrypted.KeyId);
            Assert.Equal(algorithm, encrypted.EncryptionAlgorithm.Value);
            var ciphertext = Bytes(encrypted.CiphertextBlob);
            if (spec.StartsWith("RSA", StringComparison.Ordinal))
            {
                Assert.Equal(int.Parse(spec[4..], System.Globalization.CultureInfo.InvariantCulture) / 8, ciphertext.Length);
            }

            var decrypted = await kms.DecryptAsync(new DecryptRequest { KeyId = key.KeyId, CiphertextBlob = Stream(ciphertext), EncryptionAlgorithm = new EncryptionAlgorithmSpec(algorithm) });
            Assert.Equal(plaintext, Bytes(decrypted.Plaintext));
            Assert.Equal(key.Arn, decrypted.KeyId);
            Assert.Equal(algorithm, decrypted.EncryptionAlgorithm.Value);
            // Key material ids belong to symmetric keys.
            Assert.Null(decrypted.KeyMaterialId);
        }
    }

    [Theory]
    [MemberData(nameof(Limits))]
    public async Task Encrypt_of_one_byte_more_than_the_limit_returns_AWS_ValidationException(string spec, string algorithm, int limit)
    {
        var key = await fx.KeyAsync(spec, "ENCRYPT_DECRYPT");
        var message = $"Algorithm {algorithm} and key spec {spec} cannot encrypt data larger than {limit} bytes.";

        await Expect.Validation(
            () => fx.For(spec).EncryptAsync(new EncryptRequest { KeyId = key.Arn, Plaintext = Stream(new byte[limit + 1]), EncryptionAlgorithm = new EncryptionAlgorithmSpec(algorithm) }),
            message);
        // A dry run validates the request too: it answers what the real call would.
        await Expect.Validation(
            () => fx.For(spec).EncryptAsync(new EncryptRequest { KeyId = key.Arn, Plaintext = Stream(new byte[limit + 1]), EncryptionAlgorithm = new EncryptionAlgorithmSpec(algorithm), DryRun = true }),
            message);
    }

    [Fact]
    public async Task RSA_OAEP_ciphertexts_are_randomized_and_decrypt_only_with_their_algorithm()
    {
        var key = await fx.KeyAsync("RSA_2048", "ENCRYPT_DECRYPT");
        var first = await EncryptAsync(key, "RSAES_OAEP_SHA_256", Message);
        var second = await EncryptAsync(key, "RSAES_OAEP_SHA_256", Message);
        Assert.NotEqual(first, second);

        await CryptoKit.InvalidCiphertextAsync(() => DecryptAsync(key, "RSAES_OAEP_SHA_1", first));
        var sha1 = await EncryptAsync(key, "RSAES_OAEP_SHA_1", Message);
        await CryptoKit.InvalidCiphertextAsync(() => DecryptAsync(key, "RSAES_OAEP_SHA_256", sha1));
        Assert.Equal(Message, await DecryptAsync(key, "RSAES_OAEP_SHA_1", sha1));
    }

    [Theory]
    [InlineData("RSA_2048", "RSAES_OAEP_SHA_256")]
    [InlineData("SM2", "SM2PKE")]
    public async Task Decrypt_of_a_tampered_or_truncated_ciphertext_or_one_for_another_key_returns_InvalidCiphertextException(string spec, string algorithm)
    {
        var key = await fx.KeyAsync(spec, "ENCRYPT_DECRYPT");
        var other = spec == "SM2" ? await fx.NewKeyAsync(spec, "ENCRYPT_DECRYPT", "another SM2 key") : await fx.KeyAsync("RSA_3072", "ENCRYPT_DECRYPT");
        var ciphertext = await EncryptAsync(key, algorithm, Message);
        var tampered = ciphertext.ToArray();
        tampered[^5] ^= 0x10;

        await CryptoKit.InvalidCiphertextAsync(() => DecryptAsync(key, algorithm, tampered));
        await CryptoKit.InvalidCiphertextAsync(() => DecryptAsync(key, algorithm, ciphertext[..^1]));
        await CryptoKit.InvalidCiphertextAsync(() => DecryptAsync(other, spec == "SM2" ? algorithm : "RSAES_OAEP_SHA_256", ciphertext));
        Assert.Equal(Message, await DecryptAsync(key, algorithm, ciphertext));
    }

    [Fact]
    public async Task Decrypt_of_asymmetric_ciphertext_without_a_KeyId_returns_InvalidCiphertextException()
    {
        // Only symmetric ciphertext names its key; a public-key ciphertext is just the scheme's output.
        var key = await fx.KeyAsync("RSA_2048", "ENCRYPT_DECRYPT");
        var ciphertext = await EncryptAsync(key, "RSAES_OAEP_SHA_256", Message);

        await CryptoKit.InvalidCiphertextAsync(() => fx.Kms.DecryptAsync(new DecryptRequest
        {
            CiphertextBlob = Stream(ciphertext),
            EncryptionAlgorithm = EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256,
        }));
    }

    [Fact]
    public async Task Encrypt_and_Decrypt_with_an_asymmetric_key_and_no_algorithm_or_another_family_algorithm_return_InvalidKeyUsageException()
    {
        var rsa = await fx.KeyAsync("RSA_2048", "ENCRYPT_DECRYPT");
        var symmetric = await fx.SymmetricKeyAsync();
        var ciphertext = await EncryptAsync(rsa, "RSAES_OAEP_SHA_1", Message);

        // [O] "Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_4096." is what AWS answers an Encrypt without algorithm.
        await InvalidKeyUsage(() => fx.Kms.EncryptAsync(new EncryptRequest { KeyId = rsa.Arn, Plaintext = Stream(Message) }), Incompatible("SYMMETRIC_DEFAULT", "RSA_2048"));
        await InvalidKeyUsage(() => fx.Kms.DecryptAsync(new DecryptRequest { KeyId = rsa.Arn, CiphertextBlob = Stream(ciphertext) }), Incompatible("SYMMETRIC_DEFAULT", "RSA_2048"));
        await InvalidKeyUsage(() => EncryptAsync(rsa, "SM2PKE", Message), Incompatible("SM2PKE", "RSA_2048"));
        await InvalidKeyUsage(() => DecryptAsync(rsa, "SM2PKE", ciphertext), Incompatible("SM2PKE", "RSA_2048"));
        await InvalidKeyUsage(() => EncryptAsync(symmetric, "RSAES_OAEP_SHA_256", Message), Incompatible("RSAES_OAEP_SHA_256", "SYMMETRIC_DEFAULT"));

        var sm2 = await fx.KeyAsync("SM2", "ENCRYPT_DECRYPT");
        await InvalidKeyUsage(
            () => fx.China.EncryptAsync(new EncryptRequest { KeyId = sm2.Arn, Plaintext = Stream(Message), EncryptionAlgorithm = EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1 }),
            Incompatible("RSAES_OAEP_SHA_1", "SM2"));
    }

    [Fact]
    public async Task Encrypt_and_Decrypt_with_an_asymmetric_key_refuse_an_EncryptionContext()
    {
        var key = await fx.KeyAsync("RSA_2048", "ENCRYPT_DECRYPT");
        var ciphertext = await EncryptAsync(key, "RSAES_OAEP_SHA_256", Message);
        var context = new Dictionary<string, string> { ["purpose"] = "test" };
        // [U] AWS supports an encryption context only with symmetric keys; the text is Trent's.
        const string message = "EncryptionContext is not supported for asymmetric KMS keys (RSA_2048).";

        await Expect.Validation(
            () => fx.Kms.EncryptAsync(new EncryptRequest { KeyId = key.Arn, Plaintext = Stream(Message), EncryptionAlgorithm = EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, EncryptionContext = context }),
            message);
        await Expect.Validation(
            () => fx.Kms.DecryptAsync(new DecryptRequest { KeyId = key.Arn, CiphertextBlob = Stream(ciphertext), EncryptionAlgorithm = EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, EncryptionContext = context }),
            message);
    }

    [Fact]
    public async Task Decrypt_of_a_symmetric_ciphertext_naming_another_key_with_the_KeyId_of_a_non_symmetric_key_returns_IncorrectKeyException()
    {
        var symmetric = await fx.SymmetricKeyAsync();
        var blob = await fx.Kms.EncryptAsync(symmetric.KeyId, "for another key");

        // [O] AWS answers IncorrectKeyException when the KeyId is an HMAC key: the blob names the key that made it.
        foreach (var (spec, usage) in new[] { ("HMAC_256", "GENERATE_VERIFY_MAC"), ("RSA_2048", "ENCRYPT_DECRYPT"), ("ECC_NIST_P256", "SIGN_VERIFY") })
        {
            var key = await fx.KeyAsync(spec, usage);
            await Expect.Error<IncorrectKeyException>(
                () => fx.Kms.DecryptAsync(new DecryptRequest { KeyId = key.Arn, CiphertextBlob = CryptoKit.Copy(blob) }),
                CryptoKit.IncorrectKeyMessage);
        }
    }

    [Fact]
    public async Task ReEncrypt_moves_a_symmetric_ciphertext_under_an_RSA_key_and_back()
    {
        var symmetric = await fx.SymmetricKeyAsync();
        var rsa = await fx.KeyAsync("RSA_3072", "ENCRYPT_DECRYPT");
        var context = new Dictionary<string, string> { ["step"] = "one" };
        var original = await fx.Kms.EncryptAsync(new EncryptRequest { KeyId = symmetric.KeyId, Plaintext = Stream(Message), EncryptionContext = context });

        var toRsa = await fx.Kms.ReEncryptAsync(new ReEncryptRequest
        {
            CiphertextBlob = original.CiphertextBlob,
            SourceEncryptionContext = context,
            DestinationKeyId = rsa.KeyId,
            DestinationEncryptionAlgorithm = EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256,
        });
        Assert.Equal(symmetric.Arn, toRsa.SourceKeyId);
        Assert.Equal(rsa.Arn, toRsa.KeyId);
        Assert.Equal(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT, toRsa.SourceEncryptionAlgorithm);
        Assert.Equal(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, toRsa.DestinationEncryptionAlgorithm);
        Assert.Equal(symmetric.CurrentKeyMaterialId, toRsa.SourceKeyMaterialId);
        Assert.Null(toRsa.DestinationKeyMaterialId);
        var rsaCiphertext = Bytes(toRsa.CiphertextBlob);
        Assert.Equal(384, rsaCiphertext.Length);
        Assert.Equal(Message, await DecryptAsync(rsa, "RSAES_OAEP_SHA_256", rsaCiphertext));

        var back = await fx.Kms.ReEncryptAsync(new ReEncryptRequest
        {
            CiphertextBlob = Stream(rsaCiphertext),
            SourceKeyId = rsa.Arn,
            SourceEncryptionAlgorithm = EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256,
            DestinationKeyId = symmetric.Arn,
            DestinationEncryptionContext = new Dictionary<string, string> { ["step"] = "two" },
        });
        Assert.Equal(rsa.Arn, back.SourceKeyId);
        Assert.Equal(symmetric.Arn, back.KeyId);
        Assert.Equal(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, back.SourceEncryptionAlgorithm);
        Assert.Equal(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT, back.DestinationEncryptionAlgorithm);
        Assert.Null(back.SourceKeyMaterialId);
        Assert.Equal(symmetric.CurrentKeyMaterialId, back.DestinationKeyMaterialId);
        var decrypted = await fx.Kms.DecryptAsync(back.CiphertextBlob, new Dictionary<string, string> { ["step"] = "two" });
        Assert.Equal(Message, Bytes(decrypted.Plaintext));
    }

    [Fact]
    public async Task ReEncrypt_to_an_RSA_key_checks_the_destination_plaintext_limit_and_refuses_a_destination_context()
    {
        var symmetric = await fx.SymmetricKeyAsync();
        var rsa = await fx.KeyAsync("RSA_2048", "ENCRYPT_DECRYPT");
        var large = await fx.Kms.EncryptAsync(new EncryptRequest { KeyId = symmetric.KeyId, Plaintext = Stream(new byte[191]) });

        await Expect.Validation(
            () => fx.Kms.ReEncryptAsync(new ReEncryptRequest { CiphertextBlob = CryptoKit.Copy(large.CiphertextBlob), DestinationKeyId = rsa.Arn, DestinationEncryptionAlgorithm = EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256 }),
            "Algorithm RSAES_OAEP_SHA_256 and key spec RSA_2048 cannot encrypt data larger than 190 bytes.");
        await Expect.Validation(
            () => fx.Kms.ReEncryptAsync(new ReEncryptRequest { CiphertextBlob = CryptoKit.Copy(large.CiphertextBlob), DestinationKeyId = rsa.Arn, DestinationEncryptionAlgorithm = EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, DryRun = true }),
            "Algorithm RSAES_OAEP_SHA_256 and key spec RSA_2048 cannot encrypt data larger than 190 bytes.");
        var fits = await fx.Kms.ReEncryptAsync(new ReEncryptRequest { CiphertextBlob = CryptoKit.Copy(large.CiphertextBlob), DestinationKeyId = rsa.Arn, DestinationEncryptionAlgorithm = EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1 });
        Assert.Equal(new byte[191], await DecryptAsync(rsa, "RSAES_OAEP_SHA_1", Bytes(fits.CiphertextBlob)));

        await Expect.Validation(
            () => fx.Kms.ReEncryptAsync(new ReEncryptRequest
            {
                CiphertextBlob = CryptoKit.Copy(large.CiphertextBlob),
                DestinationKeyId = rsa.Arn,
                DestinationEncryptionAlgorithm = EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1,
                DestinationEncryptionContext = new Dictionary<string, string> { ["a"] = "b" },
            }),
            "EncryptionContext is not supported for asymmetric KMS keys (RSA_2048).");
        await InvalidKeyUsage(
            () => fx.Kms.ReEncryptAsync(new ReEncryptRequest { CiphertextBlob = CryptoKit.Copy(large.CiphertextBlob), DestinationKeyId = rsa.Arn }),
            Incompatible("SYMMETRIC_DEFAULT", "RSA_2048"));
    }

    [Fact]
    public async Task ReEncrypt_of_RSA_ciphertext_without_the_SourceKeyId_returns_InvalidCiphertextException()
    {
        var symmetric = await fx.SymmetricKeyAsync();
        var rsa = await fx.KeyAsync("RSA_2048", "ENCRYPT_DECRYPT");
        var ciphertext = await EncryptAsync(rsa, "RSAES_OAEP_SHA_1", Message);

        await CryptoKit.InvalidCiphertextAsync(() => fx.Kms.ReEncryptAsync(new ReEncryptRequest
        {
            CiphertextBlob = Stream(ciphertext),
            SourceEncryptionAlgorithm = EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1,
            DestinationKeyId = symmetric.Arn,
        }));
    }

    [Fact]
    public async Task ReEncrypt_moves_an_SM2PKE_ciphertext_under_a_symmetric_key()
    {
        var china = fx.China;
        var sm2 = await fx.KeyAsync("SM2", "ENCRYPT_DECRYPT");
        var symmetric = await fx.SymmetricKeyAsync(china);
        var ciphertext = await EncryptAsync(sm2, "SM2PKE", Message);

        var moved = await china.ReEncryptAsync(new ReEncryptRequest
        {
            CiphertextBlob = Stream(ciphertext),
            SourceKeyId = sm2.KeyId,
            SourceEncryptionAlgorithm = EncryptionAlgorithmSpec.SM2PKE,
            DestinationKeyId = symmetric.Arn,
        });

        Assert.Equal(sm2.Arn, moved.SourceKeyId);
        Assert.Equal(Message, Bytes((await china.DecryptAsync(new DecryptRequest { CiphertextBlob = moved.CiphertextBlob })).Plaintext));
    }

    private async Task<byte[]> EncryptAsync(KeyMetadata key, string algorithm, byte[] plaintext) =>
        Bytes((await fx.For(key.KeySpec).EncryptAsync(new EncryptRequest
        {
            KeyId = key.Arn,
            Plaintext = Stream(plaintext),
            EncryptionAlgorithm = new EncryptionAlgorithmSpec(algorithm),
        })).CiphertextBlob);

    private async Task<byte[]> DecryptAsync(KeyMetadata key, string algorithm, byte[] ciphertext) =>
        Bytes((await fx.For(key.KeySpec).DecryptAsync(new DecryptRequest
        {
            KeyId = key.Arn,
            CiphertextBlob = Stream(ciphertext),
            EncryptionAlgorithm = new EncryptionAlgorithmSpec(algorithm),
        })).Plaintext);
}
