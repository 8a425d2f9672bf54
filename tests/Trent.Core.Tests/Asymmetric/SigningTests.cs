using System.Formats.Asn1;
using System.Security.Cryptography;
using Trent.Core.Crypto.Asymmetric;
using Trent.Core.Keys;

namespace Trent.Core.Tests.Asymmetric;

public sealed class SigningTests
{
    private static readonly byte[] Message = "sign me"u8.ToArray();

    [Theory]
    [MemberData(nameof(TestKeys.SigningPairs), MemberType = typeof(TestKeys))]
    public void Every_signing_algorithm_of_every_spec_verifies_its_own_signature_and_rejects_a_tampered_one(KeySpec spec, SigningAlgorithm algorithm)
    {
        using var key = TestKeys.Key(spec);
        var (type, message) = Input(algorithm);
        var signature = key.Sign(algorithm, type, message);
        Assert.True(key.Verify(algorithm, type, message, signature));

        var tampered = signature.ToArray();
        tampered[tampered.Length / 2] ^= 0x01;
        Assert.False(key.Verify(algorithm, type, message, tampered));
        var otherMessage = message.ToArray();
        otherMessage[0] ^= 0x01;
        Assert.False(key.Verify(algorithm, type, otherMessage, signature));
    }

    [Theory]
    [MemberData(nameof(TestKeys.SigningPairs), MemberType = typeof(TestKeys))]
    public void Verify_returns_false_for_malformed_signatures_without_throwing(KeySpec spec, SigningAlgorithm algorithm)
    {
        using var key = TestKeys.Key(spec);
        var (type, message) = Input(algorithm);
        foreach (var length in new[] { 0, 1, 63, 64, 65, 256, 6144 })
        {
            Assert.False(key.Verify(algorithm, type, message, RandomNumberGenerator.GetBytes(length)));
        }
        Assert.False(key.Verify(algorithm, type, message, [0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00]));
    }

    [Theory]
    [InlineData(KeySpec.RSA_2048, SigningAlgorithm.RSASSA_PSS_SHA_256, 256)]
    [InlineData(KeySpec.RSA_3072, SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_384, 384)]
    [InlineData(KeySpec.RSA_4096, SigningAlgorithm.RSASSA_PSS_SHA_512, 512)]
    [InlineData(KeySpec.ECC_NIST_EDWARDS25519, SigningAlgorithm.ED25519_SHA_512, 64)]
    [InlineData(KeySpec.ML_DSA_44, SigningAlgorithm.ML_DSA_SHAKE_256, 2420)]
    [InlineData(KeySpec.ML_DSA_65, SigningAlgorithm.ML_DSA_SHAKE_256, 3309)]
    [InlineData(KeySpec.ML_DSA_87, SigningAlgorithm.ML_DSA_SHAKE_256, 4627)]
    public void Raw_signatures_have_the_fixed_length_aws_returns(KeySpec spec, SigningAlgorithm algorithm, int length)
    {
        using var key = TestKeys.Key(spec);
        Assert.Equal(length, key.Sign(algorithm, MessageType.RAW, Message).Length);
    }

    [Theory]
    [InlineData(KeySpec.ECC_NIST_P256, SigningAlgorithm.ECDSA_SHA_256)]
    [InlineData(KeySpec.ECC_NIST_P521, SigningAlgorithm.ECDSA_SHA_512)]
    [InlineData(KeySpec.ECC_SECG_P256K1, SigningAlgorithm.ECDSA_SHA_256)]
    [InlineData(KeySpec.SM2, SigningAlgorithm.SM2DSA)]
    public void Ecdsa_and_sm2dsa_signatures_are_der_sequences_of_two_integers(KeySpec spec, SigningAlgorithm algorithm)
    {
        using var key = TestKeys.Key(spec);
        var reader = new AsnReader(key.Sign(algorithm, MessageType.RAW, Message), AsnEncodingRules.DER);
        var sequence = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        Assert.True(sequence.ReadInteger() > 0);
        Assert.True(sequence.ReadInteger() > 0);
        sequence.ThrowIfNotEmpty();
    }

    [Theory]
    [InlineData(KeySpec.RSA_2048, SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_256)]
    [InlineData(KeySpec.RSA_2048, SigningAlgorithm.RSASSA_PSS_SHA_384)]
    [InlineData(KeySpec.ECC_NIST_P384, SigningAlgorithm.ECDSA_SHA_384)]
    [InlineData(KeySpec.ECC_SECG_P256K1, SigningAlgorithm.ECDSA_SHA_256)]
    public void A_digest_signature_is_a_signature_of_the_message_and_the_other_way_round(KeySpec spec, SigningAlgorithm algorithm)
    {
        using var key = TestKeys.Key(spec);
        var digest = AlgorithmRules.DigestLength(algorithm) switch
        {
            32 => SHA256.HashData(Message),
            48 => SHA384.HashData(Message),
            _ => SHA512.HashData(Message),
        };
        Assert.True(key.Verify(algorithm, MessageType.RAW, Message, key.Sign(algorithm, MessageType.DIGEST, digest)));
        Assert.True(key.Verify(algorithm, MessageType.DIGEST, digest, key.Sign(algorithm, MessageType.RAW, Message)));
    }

    [Fact]
    public void An_external_mu_signature_is_a_pure_ml_dsa_signature_of_the_message()
    {
        using var key = TestKeys.Key(KeySpec.ML_DSA_65);
        var spki = new AsnReader(key.PublicKey, AsnEncodingRules.DER).ReadSequence();
        spki.ReadSequence();
        var mu = Shake256.HashData([.. Shake256.HashData(spki.ReadBitString(out _), 64), 0, 0, .. Message], 64);
        var signature = key.Sign(SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.EXTERNAL_MU, mu);
        Assert.True(key.Verify(SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.RAW, Message, signature));
        Assert.True(key.Verify(SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.EXTERNAL_MU, mu, key.Sign(SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.RAW, Message)));
    }

    [Fact]
    public void Ml_dsa_signs_hedged_so_two_signatures_of_one_message_differ()
    {
        using var key = TestKeys.Key(KeySpec.ML_DSA_44);
        Assert.NotEqual(key.Sign(SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.RAW, Message), key.Sign(SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.RAW, Message));
    }

    [Fact]
    public void Ed25519ph_signs_the_sha512_prehash_of_the_digest_it_is_given()
    {
        // The DIGEST is hashed once more by Ed25519ph (AWS behaviour digest §4.3): a pure Ed25519 signature is something else.
        using var key = TestKeys.Key(KeySpec.ECC_NIST_EDWARDS25519);
        var digest = SHA512.HashData(Message);
        var prehashed = key.Sign(SigningAlgorithm.ED25519_PH_SHA_512, MessageType.DIGEST, digest);
        Assert.NotEqual(prehashed, key.Sign(SigningAlgorithm.ED25519_SHA_512, MessageType.RAW, digest));
        Assert.True(key.Verify(SigningAlgorithm.ED25519_PH_SHA_512, MessageType.DIGEST, digest, prehashed));
        Assert.False(key.Verify(SigningAlgorithm.ED25519_SHA_512, MessageType.RAW, digest, prehashed));

        // BouncyCastle's streaming Ed25519ph signer hashes what it is fed: fed the digest, it gives the same bytes.
        var signer = new Org.BouncyCastle.Crypto.Signers.Ed25519phSigner([]);
        signer.Init(true, new Org.BouncyCastle.Crypto.Parameters.Ed25519PrivateKeyParameters(TestKeys.Pair(KeySpec.ECC_NIST_EDWARDS25519).PrivateKey[^32..]));
        signer.BlockUpdate(digest);
        Assert.Equal(signer.GenerateSignature(), prehashed);
    }

    public static TheoryData<KeySpec, SigningAlgorithm, int> DigestLengths() => new()
    {
        { KeySpec.RSA_2048, SigningAlgorithm.RSASSA_PSS_SHA_256, 32 },
        { KeySpec.RSA_2048, SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_384, 48 },
        { KeySpec.RSA_2048, SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_512, 64 },
        { KeySpec.ECC_NIST_P256, SigningAlgorithm.ECDSA_SHA_256, 32 },
        { KeySpec.ECC_NIST_P384, SigningAlgorithm.ECDSA_SHA_384, 48 },
        { KeySpec.ECC_NIST_P521, SigningAlgorithm.ECDSA_SHA_512, 64 },
        { KeySpec.ECC_SECG_P256K1, SigningAlgorithm.ECDSA_SHA_256, 32 },
        { KeySpec.ECC_NIST_EDWARDS25519, SigningAlgorithm.ED25519_PH_SHA_512, 64 },
        { KeySpec.SM2, SigningAlgorithm.SM2DSA, 32 },
    };

    [Theory]
    [MemberData(nameof(DigestLengths))]
    public void A_digest_of_the_wrong_length_is_a_validation_exception_naming_the_algorithm(KeySpec spec, SigningAlgorithm algorithm, int length)
    {
        using var key = TestKeys.Key(spec);
        Assert.NotEmpty(key.Sign(algorithm, MessageType.DIGEST, new byte[length]));
        foreach (var wrong in new[] { length - 1, length + 1, 1 })
        {
            var sign = Assert.Throws<KmsException>(() => key.Sign(algorithm, MessageType.DIGEST, new byte[wrong]));
            Assert.Equal(KmsErrorCode.ValidationException, sign.Code);
            Assert.Equal($"Digest is invalid length for algorithm {algorithm}.", sign.Message);
            var verify = Assert.Throws<KmsException>(() => key.Verify(algorithm, MessageType.DIGEST, new byte[wrong], new byte[64]));
            Assert.Equal(sign.Message, verify.Message);
        }
    }

    [Fact]
    public void External_mu_must_be_64_bytes()
    {
        using var key = TestKeys.Key(KeySpec.ML_DSA_44);
        var error = Assert.Throws<KmsException>(() => key.Sign(SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.EXTERNAL_MU, new byte[32]));
        Assert.Equal(KmsErrorCode.ValidationException, error.Code);
    }

    [Theory]
    [InlineData(KeySpec.ECC_NIST_EDWARDS25519, SigningAlgorithm.ED25519_SHA_512, MessageType.DIGEST)]
    [InlineData(KeySpec.ECC_NIST_EDWARDS25519, SigningAlgorithm.ED25519_PH_SHA_512, MessageType.RAW)]
    [InlineData(KeySpec.ML_DSA_65, SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.DIGEST)]
    [InlineData(KeySpec.ECC_NIST_P256, SigningAlgorithm.ECDSA_SHA_256, MessageType.EXTERNAL_MU)]
    [InlineData(KeySpec.RSA_2048, SigningAlgorithm.RSASSA_PSS_SHA_512, MessageType.EXTERNAL_MU)]
    [InlineData(KeySpec.SM2, SigningAlgorithm.SM2DSA, MessageType.EXTERNAL_MU)]
    public void A_message_type_the_algorithm_does_not_take_is_a_validation_exception(KeySpec spec, SigningAlgorithm algorithm, MessageType type)
    {
        using var key = TestKeys.Key(spec);
        var message = new byte[AlgorithmRules.DigestLength(algorithm)];
        Assert.Equal(KmsErrorCode.ValidationException, Assert.Throws<KmsException>(() => key.Sign(algorithm, type, message)).Code);
        Assert.Equal(KmsErrorCode.ValidationException, Assert.Throws<KmsException>(() => key.Verify(algorithm, type, message, new byte[64])).Code);
    }

    [Theory]
    [InlineData(KeySpec.ECC_NIST_P256, SigningAlgorithm.ECDSA_SHA_384)]
    [InlineData(KeySpec.ECC_NIST_P384, SigningAlgorithm.ECDSA_SHA_256)]
    [InlineData(KeySpec.ECC_SECG_P256K1, SigningAlgorithm.SM2DSA)]
    [InlineData(KeySpec.RSA_2048, SigningAlgorithm.ECDSA_SHA_256)]
    [InlineData(KeySpec.ML_DSA_44, SigningAlgorithm.ED25519_SHA_512)]
    [InlineData(KeySpec.SM2, SigningAlgorithm.ECDSA_SHA_256)]
    public void An_algorithm_the_key_spec_does_not_list_is_invalid_key_usage(KeySpec spec, SigningAlgorithm algorithm)
    {
        using var key = TestKeys.Key(spec);
        var error = Assert.Throws<KmsException>(() => key.Sign(algorithm, MessageType.RAW, Message));
        Assert.Equal(KmsErrorCode.InvalidKeyUsageException, error.Code);
        Assert.Equal($"Algorithm {algorithm} is incompatible with key spec {spec}.", error.Message);
        Assert.Throws<KmsException>(() => key.Verify(algorithm, MessageType.RAW, Message, new byte[64]));
    }

    [Theory]
    [MemberData(nameof(TestKeys.AllAsymmetricSpecs), MemberType = typeof(TestKeys))]
    public void A_public_only_key_verifies_but_cannot_sign(KeySpec spec)
    {
        using var key = TestKeys.Key(spec);
        using var publicOnly = AsymmetricKey.ImportPublic(spec, key.PublicKey.Span);
        Assert.False(publicOnly.HasPrivateKey);
        Assert.Equal(key.PublicKey.ToArray(), publicOnly.PublicKey.ToArray());
        var algorithm = Enum.Parse<SigningAlgorithm>(KeySpecTable.For(spec).SigningAlgorithms[0]);
        var (type, message) = Input(algorithm);
        Assert.True(publicOnly.Verify(algorithm, type, message, key.Sign(algorithm, type, message)));
        Assert.Throws<InvalidOperationException>(() => publicOnly.Sign(algorithm, type, message));
    }

    [Theory]
    [InlineData(KeySpec.RSA_2048, SigningAlgorithm.RSASSA_PSS_SHA_256)]
    [InlineData(KeySpec.ECC_NIST_P256, SigningAlgorithm.ECDSA_SHA_256)]
    [InlineData(KeySpec.ECC_NIST_EDWARDS25519, SigningAlgorithm.ED25519_SHA_512)]
    [InlineData(KeySpec.ML_DSA_44, SigningAlgorithm.ML_DSA_SHAKE_256)]
    [InlineData(KeySpec.SM2, SigningAlgorithm.SM2DSA)]
    public void One_key_object_signs_and_verifies_from_many_threads_at_once(KeySpec spec, SigningAlgorithm algorithm)
    {
        using var key = TestKeys.Key(spec);
        var results = new bool[64];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            byte[] message = [.. Message, (byte)i];
            results[i] = key.Verify(algorithm, MessageType.RAW, message, key.Sign(algorithm, MessageType.RAW, message));
        });
        Assert.All(results, Assert.True);
    }

    [Fact]
    public void A_disposed_key_refuses_to_work()
    {
        var key = TestKeys.Key(KeySpec.ECC_NIST_P256);
        key.Dispose();
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => key.Sign(SigningAlgorithm.ECDSA_SHA_256, MessageType.RAW, Message));
        Assert.Throws<ObjectDisposedException>(() => key.Verify(SigningAlgorithm.ECDSA_SHA_256, MessageType.RAW, Message, new byte[8]));
    }

    /// <summary>The message type an algorithm signs by default and an input of the right size for it.</summary>
    private static (MessageType Type, byte[] Message) Input(SigningAlgorithm algorithm) => algorithm == SigningAlgorithm.ED25519_PH_SHA_512
        ? (MessageType.DIGEST, SHA512.HashData(Message))
        : (MessageType.RAW, Message);
}
