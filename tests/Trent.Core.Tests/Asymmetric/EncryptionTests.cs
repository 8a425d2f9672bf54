using System.Formats.Asn1;
using Trent.Core.Crypto.Asymmetric;
using Trent.Core.Keys;

namespace Trent.Core.Tests.Asymmetric;

public sealed class EncryptionTests
{
    [Theory]
    [InlineData(KeySpec.RSA_2048, EncryptionAlgorithm.RSAES_OAEP_SHA_1, 214)]
    [InlineData(KeySpec.RSA_2048, EncryptionAlgorithm.RSAES_OAEP_SHA_256, 190)]
    [InlineData(KeySpec.RSA_3072, EncryptionAlgorithm.RSAES_OAEP_SHA_1, 342)]
    [InlineData(KeySpec.RSA_3072, EncryptionAlgorithm.RSAES_OAEP_SHA_256, 318)]
    [InlineData(KeySpec.RSA_4096, EncryptionAlgorithm.RSAES_OAEP_SHA_1, 470)]
    [InlineData(KeySpec.RSA_4096, EncryptionAlgorithm.RSAES_OAEP_SHA_256, 446)]
    [InlineData(KeySpec.SM2, EncryptionAlgorithm.SM2PKE, 1024)]
    public void Plaintext_up_to_the_aws_limit_round_trips_and_one_byte_more_is_a_validation_exception(KeySpec spec, EncryptionAlgorithm algorithm, int limit)
    {
        using var key = TestKeys.Key(spec);
        Assert.Equal(limit, key.MaxPlaintextLength(algorithm));
        var plaintext = new byte[limit];
        Random.Shared.NextBytes(plaintext);
        Assert.Equal(plaintext, key.Decrypt(algorithm, key.Encrypt(algorithm, plaintext)));

        var error = Assert.Throws<KmsException>(() => key.Encrypt(algorithm, new byte[limit + 1]));
        Assert.Equal(KmsErrorCode.ValidationException, error.Code);
        Assert.Equal($"Algorithm {algorithm} and key spec {spec} cannot encrypt data larger than {limit} bytes.", error.Message);
    }

    [Theory]
    [InlineData(KeySpec.RSA_2048, EncryptionAlgorithm.RSAES_OAEP_SHA_256, EncryptionAlgorithm.RSAES_OAEP_SHA_1)]
    [InlineData(KeySpec.RSA_3072, EncryptionAlgorithm.RSAES_OAEP_SHA_1, EncryptionAlgorithm.RSAES_OAEP_SHA_256)]
    public void Decrypting_with_the_other_oaep_hash_gives_null(KeySpec spec, EncryptionAlgorithm used, EncryptionAlgorithm other)
    {
        using var key = TestKeys.Key(spec);
        Assert.Null(key.Decrypt(other, key.Encrypt(used, "data"u8)));
    }

    [Theory]
    [InlineData(KeySpec.RSA_2048, EncryptionAlgorithm.RSAES_OAEP_SHA_256)]
    [InlineData(KeySpec.SM2, EncryptionAlgorithm.SM2PKE)]
    public void Tampered_truncated_extended_or_garbage_ciphertext_gives_null(KeySpec spec, EncryptionAlgorithm algorithm)
    {
        using var key = TestKeys.Key(spec);
        var ciphertext = key.Encrypt(algorithm, "a data key"u8);
        foreach (var index in new[] { 0, ciphertext.Length / 2, ciphertext.Length - 1 })
        {
            var tampered = ciphertext.ToArray();
            tampered[index] ^= 0x40;
            Assert.Null(key.Decrypt(algorithm, tampered));
        }
        Assert.Null(key.Decrypt(algorithm, ciphertext[..^1]));
        Assert.Null(key.Decrypt(algorithm, [.. ciphertext, 0]));
        Assert.Null(key.Decrypt(algorithm, []));
        Assert.Null(key.Decrypt(algorithm, new byte[ciphertext.Length]));
    }

    [Fact]
    public void Sm2pke_ciphertext_is_the_der_sequence_of_c1_coordinates_c3_hash_and_c2()
    {
        using var key = TestKeys.Key(KeySpec.SM2);
        var plaintext = "seventeen bytes!!"u8.ToArray();
        var reader = new AsnReader(key.Encrypt(EncryptionAlgorithm.SM2PKE, plaintext), AsnEncodingRules.DER);
        var sequence = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        Assert.True(sequence.ReadInteger() >= 0);
        Assert.True(sequence.ReadInteger() >= 0);
        Assert.Equal(32, sequence.ReadOctetString().Length);
        Assert.Equal(plaintext.Length, sequence.ReadOctetString().Length);
        sequence.ThrowIfNotEmpty();
    }

    [Theory]
    [InlineData(KeySpec.RSA_2048, EncryptionAlgorithm.SM2PKE)]
    [InlineData(KeySpec.SM2, EncryptionAlgorithm.RSAES_OAEP_SHA_256)]
    [InlineData(KeySpec.ECC_NIST_P256, EncryptionAlgorithm.RSAES_OAEP_SHA_1)]
    [InlineData(KeySpec.ML_DSA_44, EncryptionAlgorithm.SM2PKE)]
    [InlineData(KeySpec.RSA_4096, EncryptionAlgorithm.SYMMETRIC_DEFAULT)]
    public void An_encryption_algorithm_the_key_spec_does_not_list_is_invalid_key_usage(KeySpec spec, EncryptionAlgorithm algorithm)
    {
        using var key = TestKeys.Key(spec);
        var encrypt = Assert.Throws<KmsException>(() => key.Encrypt(algorithm, "x"u8));
        Assert.Equal(KmsErrorCode.InvalidKeyUsageException, encrypt.Code);
        Assert.Equal($"Algorithm {algorithm} is incompatible with key spec {spec}.", encrypt.Message);
        Assert.Equal(KmsErrorCode.InvalidKeyUsageException, Assert.Throws<KmsException>(() => key.Decrypt(algorithm, new byte[8])).Code);
    }

    [Fact]
    public void A_public_only_key_encrypts_for_the_private_key()
    {
        using var key = TestKeys.Key(KeySpec.RSA_2048);
        using var publicOnly = AsymmetricKey.ImportPublic(KeySpec.RSA_2048, key.PublicKey.Span);
        Assert.Equal("x"u8.ToArray(), key.Decrypt(EncryptionAlgorithm.RSAES_OAEP_SHA_1, publicOnly.Encrypt(EncryptionAlgorithm.RSAES_OAEP_SHA_1, "x"u8)));
        Assert.Throws<InvalidOperationException>(() => publicOnly.Decrypt(EncryptionAlgorithm.RSAES_OAEP_SHA_1, new byte[256]));
    }
}
