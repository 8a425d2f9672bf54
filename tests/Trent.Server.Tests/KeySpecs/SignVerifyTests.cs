using System.Formats.Asn1;
using System.Security.Cryptography;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.KeyManagement.Support;
using static Trent.Server.Tests.KeySpecs.KeySpecKit;

namespace Trent.Server.Tests.KeySpecs;

/// <summary>Sign and Verify with every signing algorithm and MessageType, their limits and their errors.</summary>
[Collection(KeySpecCollection.Name)]
public sealed class SignVerifyTests(KeySpecServer fx)
{
    private static readonly string[] MessageTypes = ["RAW", "DIGEST", "EXTERNAL_MU"];

    public static TheoryData<string, string> SigningAlgorithms() =>
        Theory(Matrix.Where(r => r.Usage == "SIGN_VERIFY").SelectMany(r => r.Algorithms.Select(a => (r.Spec, a))));

    /// <summary>AWS's MessageTypes per algorithm: Ed25519 splits pure (RAW) and prehash (DIGEST); only ML-DSA takes μ.</summary>
    private static string[] Accepted(string algorithm) => algorithm switch
    {
        "ED25519_SHA_512" => ["RAW"],
        "ED25519_PH_SHA_512" => ["DIGEST"],
        "ML_DSA_SHAKE_256" => ["RAW", "EXTERNAL_MU"],
        _ => ["RAW", "DIGEST"],
    };

    private IAmazonKeyManagementService Kms(string spec) => fx.For(spec);

    [Theory]
    [MemberData(nameof(SigningAlgorithms))]
    public async Task Signatures_of_every_algorithm_and_accepted_MessageType_verify_and_have_the_AWS_format(string spec, string algorithm)
    {
        var key = await fx.KeyAsync(spec, "SIGN_VERIFY");
        var kms = Kms(spec);
        var publicKey = await fx.PublicKeyAsync(key);

        foreach (var type in Accepted(algorithm))
        {
            var input = await InputAsync(key, algorithm, type, Message);
            var signed = await kms.SignAsync(key, algorithm, input, type);
            Assert.Equal(key.Arn, signed.KeyId);
            Assert.Equal(algorithm, signed.SigningAlgorithm.Value);
            var signature = Bytes(signed.Signature);
            AssertFormat(spec, algorithm, publicKey, signature);

            var verified = await kms.VerifyAsync(key, algorithm, input, signature, type);
            Assert.True(verified.SignatureValid);
            Assert.Equal(key.Arn, verified.KeyId);
            Assert.Equal(algorithm, verified.SigningAlgorithm.Value);

            // A signature made from the message verifies against its digest (or μ) and the other way round: the
            // MessageType only says who hashed, not what is signed. SM2's e = SM3(Z ‖ M) is checked in the interop tests.
            if (spec != "SM2")
            {
                foreach (var other in Accepted(algorithm).Where(t => t != type))
                {
                    Assert.True((await kms.VerifyAsync(key, algorithm, await InputAsync(key, algorithm, other, Message), signature, other)).SignatureValid);
                }
            }
        }
    }

    [Fact]
    public async Task Sign_and_Verify_without_a_MessageType_treat_the_message_as_RAW()
    {
        var key = await fx.KeyAsync("ECC_NIST_P256", "SIGN_VERIFY");
        var signed = await fx.Kms.SignAsync(new SignRequest { KeyId = key.KeyId, SigningAlgorithm = SigningAlgorithmSpec.ECDSA_SHA_256, Message = Stream(Message) });

        Assert.True((await fx.Kms.VerifyAsync(key, "ECDSA_SHA_256", Message, Bytes(signed.Signature))).SignatureValid);
        Assert.True((await fx.Kms.VerifyAsync(new VerifyRequest
        {
            KeyId = key.KeyId,
            SigningAlgorithm = SigningAlgorithmSpec.ECDSA_SHA_256,
            Message = Stream(Message),
            Signature = Stream(Bytes(signed.Signature)),
        })).SignatureValid);
    }

    [Fact]
    public async Task Sign_by_alias_answers_with_the_key_ARN()
    {
        var key = await fx.KeyAsync("ECC_NIST_P384", "SIGN_VERIFY");
        var alias = "alias/keyspec-sign-" + Guid.NewGuid().ToString("N");
        await fx.Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = alias, TargetKeyId = key.KeyId });

        var signed = await fx.Kms.SignAsync(new SignRequest { KeyId = alias, SigningAlgorithm = SigningAlgorithmSpec.ECDSA_SHA_384, Message = Stream(Message) });

        Assert.Equal(key.Arn, signed.KeyId);
        Assert.Equal(key.Arn, (await fx.Kms.VerifyAsync(new VerifyRequest
        {
            KeyId = alias,
            SigningAlgorithm = SigningAlgorithmSpec.ECDSA_SHA_384,
            Message = Stream(Message),
            Signature = Stream(Bytes(signed.Signature)),
        })).KeyId);
    }

    [Theory]
    [MemberData(nameof(SigningAlgorithms))]
    public async Task Sign_and_Verify_refuse_the_MessageTypes_the_algorithm_does_not_accept(string spec, string algorithm)
    {
        var key = await fx.KeyAsync(spec, "SIGN_VERIFY");
        foreach (var type in MessageTypes.Except(Accepted(algorithm)))
        {
            var input = new byte[DigestLength(algorithm)];
            // [U] AWS rejects these with ValidationException; the text is Trent's.
            var message = $"MessageType {type} is not supported for signing algorithm {algorithm}.";
            await Expect.Validation(() => Kms(spec).SignAsync(key, algorithm, input, type), message);
            await Expect.Validation(() => Kms(spec).VerifyAsync(key, algorithm, input, new byte[64], type), message);
        }
    }

    [Theory]
    [MemberData(nameof(SigningAlgorithms))]
    public async Task A_DIGEST_or_EXTERNAL_MU_message_of_the_wrong_length_returns_AWS_ValidationException(string spec, string algorithm)
    {
        var key = await fx.KeyAsync(spec, "SIGN_VERIFY");
        foreach (var type in Accepted(algorithm).Where(t => t != "RAW"))
        {
            var length = DigestLength(algorithm);
            foreach (var wrong in new[] { length - 1, length + 1, 1 })
            {
                var message = $"Digest is invalid length for algorithm {algorithm}.";
                await Expect.Validation(() => Kms(spec).SignAsync(key, algorithm, new byte[wrong], type), message);
                await Expect.Validation(() => Kms(spec).VerifyAsync(key, algorithm, new byte[wrong], new byte[64], type), message);
            }
        }
    }

    [Theory]
    [InlineData("RSA_2048", "RSASSA_PSS_SHA_256")]
    [InlineData("ECC_NIST_P256", "ECDSA_SHA_256")]
    [InlineData("ECC_NIST_EDWARDS25519", "ED25519_SHA_512")]
    [InlineData("ML_DSA_44", "ML_DSA_SHAKE_256")]
    [InlineData("SM2", "SM2DSA")]
    public async Task A_RAW_message_may_have_4096_bytes_and_4097_return_the_model_ValidationException(string spec, string algorithm)
    {
        var key = await fx.KeyAsync(spec, "SIGN_VERIFY");
        var largest = RandomNumberGenerator.GetBytes(4096);

        var signature = Bytes((await Kms(spec).SignAsync(key, algorithm, largest)).Signature);
        Assert.True((await Kms(spec).VerifyAsync(key, algorithm, largest, signature)).SignatureValid);

        const string tooLong = "1 validation error detected: Value at 'message' failed to satisfy constraint: Member must have length less than or equal to 4096";
        await Expect.Validation(() => Kms(spec).SignAsync(key, algorithm, new byte[4097]), tooLong);
        await Expect.Validation(() => Kms(spec).VerifyAsync(key, algorithm, new byte[4097], signature), tooLong);
    }

    [Theory]
    [MemberData(nameof(SigningAlgorithms))]
    public async Task Verify_of_a_tampered_signature_or_message_returns_KMSInvalidSignatureException_without_a_message(string spec, string algorithm)
    {
        var key = await fx.KeyAsync(spec, "SIGN_VERIFY");
        var type = Accepted(algorithm)[0];
        var input = await InputAsync(key, algorithm, type, Message);
        var signature = Bytes((await Kms(spec).SignAsync(key, algorithm, input, type)).Signature);

        var flipped = signature.ToArray();
        flipped[flipped.Length / 2] ^= 0x01;
        var otherInput = await InputAsync(key, algorithm, type, [.. Message, (byte)'!']);
        await NoMessageError<KMSInvalidSignatureException>(() => Kms(spec).VerifyAsync(key, algorithm, input, flipped, type));
        await NoMessageError<KMSInvalidSignatureException>(() => Kms(spec).VerifyAsync(key, algorithm, otherInput, signature, type));
        await NoMessageError<KMSInvalidSignatureException>(() => Kms(spec).VerifyAsync(key, algorithm, input, signature[..^1], type));
        await NoMessageError<KMSInvalidSignatureException>(() => Kms(spec).VerifyAsync(key, algorithm, input, [.. signature, 0], type));
        await NoMessageError<KMSInvalidSignatureException>(() => Kms(spec).VerifyAsync(key, algorithm, input, RandomNumberGenerator.GetBytes(signature.Length), type));
    }

    [Theory]
    [InlineData("RSA_2048", "RSA_3072", "RSASSA_PKCS1_V1_5_SHA_256")]
    [InlineData("RSA_3072", "RSA_2048", "RSASSA_PSS_SHA_512")]
    [InlineData("ECC_NIST_P256", "ECC_NIST_P256", "ECDSA_SHA_256")]
    [InlineData("ECC_NIST_P384", "ECC_NIST_P384", "ECDSA_SHA_384")]
    [InlineData("ECC_NIST_P521", "ECC_NIST_P521", "ECDSA_SHA_512")]
    [InlineData("ECC_SECG_P256K1", "ECC_SECG_P256K1", "ECDSA_SHA_256")]
    [InlineData("ECC_NIST_EDWARDS25519", "ECC_NIST_EDWARDS25519", "ED25519_SHA_512")]
    [InlineData("ML_DSA_65", "ML_DSA_65", "ML_DSA_SHAKE_256")]
    [InlineData("SM2", "SM2", "SM2DSA")]
    public async Task Verify_with_a_signature_made_by_another_key_returns_KMSInvalidSignatureException(string signerSpec, string verifierSpec, string algorithm)
    {
        var signer = signerSpec == verifierSpec ? await fx.NewKeyAsync(signerSpec, "SIGN_VERIFY", "another signer") : await fx.KeyAsync(signerSpec, "SIGN_VERIFY");
        var verifier = await fx.KeyAsync(verifierSpec, "SIGN_VERIFY");
        var signature = Bytes((await Kms(signerSpec).SignAsync(signer, algorithm, Message)).Signature);

        Assert.True((await Kms(signerSpec).VerifyAsync(signer, algorithm, Message, signature)).SignatureValid);
        await NoMessageError<KMSInvalidSignatureException>(() => Kms(verifierSpec).VerifyAsync(verifier, algorithm, Message, signature));
    }

    [Theory]
    [InlineData("RSA_2048", "ECDSA_SHA_256")]
    [InlineData("RSA_4096", "ML_DSA_SHAKE_256")]
    [InlineData("ECC_NIST_P256", "ECDSA_SHA_384")]
    [InlineData("ECC_NIST_P384", "ECDSA_SHA_256")]
    [InlineData("ECC_NIST_P521", "RSASSA_PSS_SHA_512")]
    [InlineData("ECC_SECG_P256K1", "SM2DSA")]
    [InlineData("ECC_NIST_EDWARDS25519", "ECDSA_SHA_512")]
    [InlineData("ML_DSA_87", "ED25519_SHA_512")]
    [InlineData("SM2", "ECDSA_SHA_256")]
    public async Task Sign_and_Verify_with_an_algorithm_the_key_spec_does_not_offer_return_InvalidKeyUsageException(string spec, string algorithm)
    {
        var key = await fx.KeyAsync(spec, "SIGN_VERIFY");
        // [O] for HMAC keys; the same text for the other specs is Trent's assumption.
        await InvalidKeyUsage(() => Kms(spec).SignAsync(key, algorithm, Message), Incompatible(algorithm, spec));
        await InvalidKeyUsage(() => Kms(spec).VerifyAsync(key, algorithm, Message, new byte[64]), Incompatible(algorithm, spec));
    }

    /// <summary>The message to send for a MessageType: the message itself, its SHA-2 digest, μ, or (SM2 DIGEST) an arbitrary 32-byte e.</summary>
    private async Task<byte[]> InputAsync(KeyMetadata key, string algorithm, string type, byte[] message) => type switch
    {
        "RAW" => message,
        "EXTERNAL_MU" => Mu(SpkiKeyBits(await fx.PublicKeyAsync(key)), message),
        _ when algorithm == "SM2DSA" => SHA256.HashData([.. "sm2 e stand-in "u8, .. message]),
        _ => Digest(algorithm, message),
    };

    /// <summary>AWS's signature formats: RSA modulus-sized, ECDSA and SM2DSA DER {r, s}, Ed25519 64 bytes, ML-DSA FIPS 204 sizes.</summary>
    private static void AssertFormat(string spec, string algorithm, byte[] publicKey, byte[] signature)
    {
        switch (spec)
        {
            case "RSA_2048" or "RSA_3072" or "RSA_4096":
                Assert.Equal(int.Parse(spec[4..], System.Globalization.CultureInfo.InvariantCulture) / 8, signature.Length);
                using (var rsa = RSA.Create())
                {
                    rsa.ImportSubjectPublicKeyInfo(publicKey, out _);
                    var padding = algorithm.Contains("PSS", StringComparison.Ordinal) ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
                    var hash = DigestLength(algorithm) switch { 32 => HashAlgorithmName.SHA256, 48 => HashAlgorithmName.SHA384, _ => HashAlgorithmName.SHA512 };
                    // An independent check (.NET's RSA, not the server) that the bytes are the named scheme over the message's hash.
                    Assert.True(rsa.VerifyHash(Digest(algorithm, Message), signature, hash, padding));
                }
                break;
            case "ECC_NIST_EDWARDS25519":
                Assert.Equal(64, signature.Length);
                break;
            case "ML_DSA_44" or "ML_DSA_65" or "ML_DSA_87":
                Assert.Equal(spec switch { "ML_DSA_44" => 2420, "ML_DSA_65" => 3309, _ => 4627 }, signature.Length);
                break;
            default:
                var sequence = new AsnReader(signature, AsnEncodingRules.DER).ReadSequence();
                Assert.True(sequence.ReadInteger() > 0);
                Assert.True(sequence.ReadInteger() > 0);
                Assert.False(sequence.HasData);
                if (spec != "SM2")
                {
                    using var ecdsa = ECDsa.Create();
                    ecdsa.ImportSubjectPublicKeyInfo(publicKey, out _);
                    Assert.True(ecdsa.VerifyHash(Digest(algorithm, Message), signature, DSASignatureFormat.Rfc3279DerSequence));
                }
                break;
        }
    }
}
