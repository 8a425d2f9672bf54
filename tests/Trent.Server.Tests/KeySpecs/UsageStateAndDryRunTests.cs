using System.Security.Cryptography;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Crypto;
using Trent.Server.Tests.KeyManagement.Support;
using static Trent.Server.Tests.KeySpecs.KeySpecKit;

namespace Trent.Server.Tests.KeySpecs;

/// <summary>
/// The asymmetric and HMAC operations against keys of the wrong usage, in the Disabled and PendingDeletion states, as
/// dry runs, and the rotation operations these keys do not support.
/// </summary>
[Collection(KeySpecCollection.Name)]
public sealed class UsageStateAndDryRunTests(KeySpecServer fx)
{
    /// <summary>A call of one operation on a key, with inputs that would succeed on a key of the right kind.</summary>
    private delegate Task Call(IAmazonKeyManagementService kms, KeyMetadata key, bool dryRun);

    private static readonly byte[] P256Peer = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256).ExportSubjectPublicKeyInfo();

    private static readonly Dictionary<string, Call> Operations = new()
    {
        ["Sign"] = (kms, key, dryRun) => kms.SignAsync(new SignRequest { KeyId = key.Arn, SigningAlgorithm = SigningAlgorithmSpec.ECDSA_SHA_256, Message = Stream(Message), DryRun = dryRun }),
        ["Verify"] = (kms, key, dryRun) => kms.VerifyAsync(new VerifyRequest { KeyId = key.Arn, SigningAlgorithm = SigningAlgorithmSpec.ECDSA_SHA_256, Message = Stream(Message), Signature = Stream(new byte[70]), DryRun = dryRun }),
        ["GenerateMac"] = (kms, key, dryRun) => kms.GenerateMacAsync(new GenerateMacRequest { KeyId = key.Arn, MacAlgorithm = MacAlgorithmSpec.HMAC_SHA_256, Message = Stream(Message), DryRun = dryRun }),
        ["VerifyMac"] = (kms, key, dryRun) => kms.VerifyMacAsync(new VerifyMacRequest { KeyId = key.Arn, MacAlgorithm = MacAlgorithmSpec.HMAC_SHA_256, Message = Stream(Message), Mac = Stream(new byte[32]), DryRun = dryRun }),
        ["DeriveSharedSecret"] = (kms, key, dryRun) => kms.DeriveSharedSecretAsync(new DeriveSharedSecretRequest { KeyId = key.Arn, KeyAgreementAlgorithm = KeyAgreementAlgorithmSpec.ECDH, PublicKey = Stream(P256Peer), DryRun = dryRun }),
        ["Encrypt"] = (kms, key, dryRun) => kms.EncryptAsync(new EncryptRequest { KeyId = key.Arn, Plaintext = Stream(Message), EncryptionAlgorithm = EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, DryRun = dryRun }),
        ["Decrypt"] = (kms, key, dryRun) => kms.DecryptAsync(new DecryptRequest { KeyId = key.Arn, CiphertextBlob = Stream(new byte[256]), EncryptionAlgorithm = EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, DryRun = dryRun, DryRunModifiers = dryRun ? ["IGNORE_CIPHERTEXT"] : null }),
        ["GenerateDataKeyPair"] = (kms, key, dryRun) => kms.GenerateDataKeyPairAsync(new GenerateDataKeyPairRequest { KeyId = key.Arn, KeyPairSpec = DataKeyPairSpec.ECC_NIST_P256, DryRun = dryRun }),
        ["GenerateDataKeyPairWithoutPlaintext"] = (kms, key, dryRun) => kms.GenerateDataKeyPairWithoutPlaintextAsync(new GenerateDataKeyPairWithoutPlaintextRequest { KeyId = key.Arn, KeyPairSpec = DataKeyPairSpec.ECC_NIST_P256, DryRun = dryRun }),
        ["GetPublicKey"] = (kms, key, _) => kms.GetPublicKeyAsync(new GetPublicKeyRequest { KeyId = key.Arn }),
    };

    /// <summary>The kind of key each operation needs (the inputs above fit it).</summary>
    private static readonly Dictionary<string, (string Spec, string Usage)> RightKey = new()
    {
        ["Sign"] = ("ECC_NIST_P256", "SIGN_VERIFY"),
        ["Verify"] = ("ECC_NIST_P256", "SIGN_VERIFY"),
        ["GenerateMac"] = ("HMAC_256", "GENERATE_VERIFY_MAC"),
        ["VerifyMac"] = ("HMAC_256", "GENERATE_VERIFY_MAC"),
        ["DeriveSharedSecret"] = ("ECC_NIST_P256", "KEY_AGREEMENT"),
        ["Encrypt"] = ("RSA_2048", "ENCRYPT_DECRYPT"),
        ["Decrypt"] = ("RSA_2048", "ENCRYPT_DECRYPT"),
        ["GenerateDataKeyPair"] = ("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT"),
        ["GenerateDataKeyPairWithoutPlaintext"] = ("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT"),
        ["GetPublicKey"] = ("ECC_NIST_P256", "SIGN_VERIFY"),
    };

    /// <summary>Every operation paired with every usage it does not accept (one key spec per usage).</summary>
    public static TheoryData<string, string, string> WrongUsages()
    {
        var keys = new[]
        {
            ("RSA_2048", "ENCRYPT_DECRYPT"), ("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT"), ("ECC_NIST_P256", "SIGN_VERIFY"),
            ("HMAC_256", "GENERATE_VERIFY_MAC"), ("ECC_NIST_P256", "KEY_AGREEMENT"),
        };
        var data = new TheoryData<string, string, string>();
        foreach (var operation in new[] { "Sign", "Verify", "GenerateMac", "VerifyMac", "DeriveSharedSecret", "Encrypt", "Decrypt" })
        {
            foreach (var (spec, usage) in keys.Where(k => k.Item2 != RightKey[operation].Usage))
            {
                data.Add(operation, spec, usage);
            }
        }
        return data;
    }

    public static TheoryData<string> DryRunOperations() =>
        new("Sign", "Verify", "GenerateMac", "VerifyMac", "DeriveSharedSecret", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "Encrypt", "Decrypt");

    [Theory]
    [MemberData(nameof(WrongUsages))]
    public async Task Every_operation_on_a_key_of_another_usage_returns_AWS_InvalidKeyUsageException(string operation, string spec, string usage)
    {
        var key = await fx.KeyAsync(spec, usage);
        // [O] "<arn> key usage is SIGN_VERIFY which is not valid for Encrypt." and the same for Sign, Verify, GenerateMac.
        await InvalidKeyUsage(() => Operations[operation](fx.Kms, key, false), WrongUsage(key, operation));
    }

    [Fact]
    public async Task Every_operation_on_a_disabled_key_returns_DisabledException_and_after_ScheduleKeyDeletion_KMSInvalidStateException()
    {
        var keys = new Dictionary<(string, string), KeyMetadata>();
        foreach (var kind in RightKey.Values.Distinct())
        {
            keys[kind] = await fx.NewKeyAsync(kind.Spec, kind.Usage, "state test key");
        }
        foreach (var (operation, call) in Operations)
        {
            await SucceedsOrFailsOnlyOnCryptoAsync(operation, () => call(fx.Kms, keys[RightKey[operation]], false));
        }

        foreach (var key in keys.Values)
        {
            await fx.Kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });
        }
        foreach (var (operation, call) in Operations)
        {
            var key = keys[RightKey[operation]];
            await Expect.Error<DisabledException>(() => call(fx.Kms, key, false), $"{key.Arn} is disabled.");
            await Expect.Error<DisabledException>(() => call(fx.Kms, key, true), $"{key.Arn} is disabled.");
        }

        foreach (var key in keys.Values)
        {
            await fx.Kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = key.KeyId, PendingWindowInDays = 7 });
        }
        foreach (var (operation, call) in Operations)
        {
            var key = keys[RightKey[operation]];
            await Expect.Error<KMSInvalidStateException>(() => call(fx.Kms, key, false), $"{key.Arn} is pending deletion.");
            await Expect.Error<KMSInvalidStateException>(() => call(fx.Kms, key, true), $"{key.Arn} is pending deletion.");
        }

        // Cancelling the deletion leaves the keys disabled; enabling them makes them work again.
        foreach (var key in keys.Values)
        {
            await fx.Kms.CancelKeyDeletionAsync(new CancelKeyDeletionRequest { KeyId = key.KeyId });
            await fx.Kms.EnableKeyAsync(new EnableKeyRequest { KeyId = key.KeyId });
        }
        var signer = keys[RightKey["Sign"]];
        Assert.True((await fx.Kms.VerifyAsync(signer, "ECDSA_SHA_256", Message, Bytes((await fx.Kms.SignAsync(signer, "ECDSA_SHA_256", Message)).Signature))).SignatureValid);
    }

    [Theory]
    [MemberData(nameof(DryRunOperations))]
    public async Task A_dry_run_that_would_succeed_returns_DryRunOperationException_and_does_nothing(string operation)
    {
        var (spec, usage) = RightKey[operation];
        var key = await fx.KeyAsync(spec, usage);

        await Expect.Error<DryRunOperationException>(() => Operations[operation](fx.Kms, key, true), CryptoKit.DryRunMessage);
    }

    [Fact]
    public async Task A_dry_run_answers_the_error_the_real_call_would_for_wrong_usage_algorithm_size_and_region()
    {
        var signer = await fx.KeyAsync("ECC_NIST_P256", "SIGN_VERIFY");
        var mac = await fx.KeyAsync("HMAC_256", "GENERATE_VERIFY_MAC");
        var agreement = await fx.KeyAsync("ECC_NIST_P256", "KEY_AGREEMENT");
        var symmetric = await fx.SymmetricKeyAsync();

        await InvalidKeyUsage(() => Operations["GenerateMac"](fx.Kms, signer, true), WrongUsage(signer, "GenerateMac"));
        await InvalidKeyUsage(() => Operations["DeriveSharedSecret"](fx.Kms, signer, true), WrongUsage(signer, "DeriveSharedSecret"));
        await InvalidKeyUsage(
            () => fx.Kms.SignAsync(new SignRequest { KeyId = signer.Arn, SigningAlgorithm = SigningAlgorithmSpec.ECDSA_SHA_512, Message = Stream(Message), DryRun = true }),
            Incompatible("ECDSA_SHA_512", "ECC_NIST_P256"));
        await InvalidKeyUsage(
            () => fx.Kms.VerifyMacAsync(new VerifyMacRequest { KeyId = mac.Arn, MacAlgorithm = MacAlgorithmSpec.HMAC_SHA_224, Message = Stream(Message), Mac = Stream(new byte[28]), DryRun = true }),
            Incompatible("HMAC_SHA_224", "HMAC_256"));
        await Expect.Validation(
            () => fx.Kms.SignAsync(new SignRequest { KeyId = signer.Arn, SigningAlgorithm = SigningAlgorithmSpec.ECDSA_SHA_256, MessageType = MessageType.DIGEST, Message = Stream(new byte[31]), DryRun = true }),
            "Digest is invalid length for algorithm ECDSA_SHA_256.");
        // A peer key DeriveSharedSecret cannot use is invalid input, which a dry run reports too.
        await EmptyValidation(() => fx.Kms.DeriveSharedSecretAsync(new DeriveSharedSecretRequest
        {
            KeyId = agreement.Arn,
            KeyAgreementAlgorithm = KeyAgreementAlgorithmSpec.ECDH,
            PublicKey = Stream(ECDiffieHellman.Create(ECCurve.NamedCurves.nistP384).ExportSubjectPublicKeyInfo()),
            DryRun = true,
        }));
        await Expect.Error<UnsupportedOperationException>(
            () => fx.Kms.GenerateDataKeyPairAsync(new GenerateDataKeyPairRequest { KeyId = symmetric.Arn, KeyPairSpec = DataKeyPairSpec.SM2, DryRun = true }),
            "KeyPairSpec SM2 is available only in the China Regions (cn-north-1, cn-northwest-1), not in us-east-1.");
    }

    [Theory]
    [InlineData("RSA_2048", "ENCRYPT_DECRYPT")]
    [InlineData("ECC_NIST_P256", "SIGN_VERIFY")]
    [InlineData("ECC_NIST_P384", "KEY_AGREEMENT")]
    [InlineData("ML_DSA_44", "SIGN_VERIFY")]
    [InlineData("HMAC_224", "GENERATE_VERIFY_MAC")]
    [InlineData("SM2", "SIGN_VERIFY")]
    public async Task Asymmetric_and_HMAC_keys_do_not_support_rotation(string spec, string usage)
    {
        var key = await fx.KeyAsync(spec, usage);
        var kms = fx.For(spec);
        var message = $"{key.Arn} does not support key rotation. Only symmetric encryption keys with key material from AWS_KMS can be rotated.";

        await Expect.Error<UnsupportedOperationException>(() => kms.EnableKeyRotationAsync(new EnableKeyRotationRequest { KeyId = key.KeyId }), message);
        await Expect.Error<UnsupportedOperationException>(() => kms.DisableKeyRotationAsync(new DisableKeyRotationRequest { KeyId = key.KeyId }), message);
        await Expect.Error<UnsupportedOperationException>(() => kms.RotateKeyOnDemandAsync(new RotateKeyOnDemandRequest { KeyId = key.KeyId }), message);
        await Expect.Error<UnsupportedOperationException>(() => kms.GetKeyRotationStatusAsync(new GetKeyRotationStatusRequest { KeyId = key.KeyId }), message);
        await Expect.Error<UnsupportedOperationException>(() => kms.ListKeyRotationsAsync(new ListKeyRotationsRequest { KeyId = key.KeyId }), message);
    }

    /// <summary>Before the keys change state, the calls reach the key: they succeed or fail only on the made-up signature, MAC or ciphertext.</summary>
    private static async Task SucceedsOrFailsOnlyOnCryptoAsync(string operation, Func<Task> call)
    {
        var expected = operation switch
        {
            "Verify" => typeof(KMSInvalidSignatureException),
            "VerifyMac" => typeof(KMSInvalidMacException),
            "Decrypt" => typeof(InvalidCiphertextException),
            _ => null,
        };
        try
        {
            await call();
            Assert.Null(expected);
        }
        catch (AmazonKeyManagementServiceException e)
        {
            Assert.True(expected == e.GetType(), $"{operation} failed with {e.GetType().Name}: {e.Message}");
        }
    }
}
