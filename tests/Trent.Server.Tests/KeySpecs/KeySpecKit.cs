using System.Formats.Asn1;
using System.Security.Cryptography;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Crypto;
using Trent.Server.Tests.KeyManagement.Support;

namespace Trent.Server.Tests.KeySpecs;

/// <summary>One row of AWS KMS's key-spec matrix: a spec, a usage it allows, and the algorithms a key of that kind lists.</summary>
public sealed record SpecUsage(string Spec, string Usage, string[] Algorithms);

/// <summary>
/// AWS KMS's key specs as AWS documents them (semantics digest §4.1), written out here rather than read from Trent's
/// KeySpecTable, so that a wrong table fails these tests; and the byte helpers the key-spec tests share.
/// </summary>
public static class KeySpecKit
{
    public static readonly string[] Usages = ["ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT"];

    public static readonly string[] RsaSigning =
        ["RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512",
         "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512"];

    public static readonly string[] RsaEncryption = ["RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"];

    public static readonly SpecUsage[] Matrix =
    [
        new("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", ["SYMMETRIC_DEFAULT"]),
        new("RSA_2048", "ENCRYPT_DECRYPT", RsaEncryption),
        new("RSA_2048", "SIGN_VERIFY", RsaSigning),
        new("RSA_3072", "ENCRYPT_DECRYPT", RsaEncryption),
        new("RSA_3072", "SIGN_VERIFY", RsaSigning),
        new("RSA_4096", "ENCRYPT_DECRYPT", RsaEncryption),
        new("RSA_4096", "SIGN_VERIFY", RsaSigning),
        new("ECC_NIST_P256", "SIGN_VERIFY", ["ECDSA_SHA_256"]),
        new("ECC_NIST_P256", "KEY_AGREEMENT", ["ECDH"]),
        new("ECC_NIST_P384", "SIGN_VERIFY", ["ECDSA_SHA_384"]),
        new("ECC_NIST_P384", "KEY_AGREEMENT", ["ECDH"]),
        new("ECC_NIST_P521", "SIGN_VERIFY", ["ECDSA_SHA_512"]),
        new("ECC_NIST_P521", "KEY_AGREEMENT", ["ECDH"]),
        new("ECC_SECG_P256K1", "SIGN_VERIFY", ["ECDSA_SHA_256"]),
        new("ECC_NIST_EDWARDS25519", "SIGN_VERIFY", ["ED25519_SHA_512", "ED25519_PH_SHA_512"]),
        new("ML_DSA_44", "SIGN_VERIFY", ["ML_DSA_SHAKE_256"]),
        new("ML_DSA_65", "SIGN_VERIFY", ["ML_DSA_SHAKE_256"]),
        new("ML_DSA_87", "SIGN_VERIFY", ["ML_DSA_SHAKE_256"]),
        new("SM2", "ENCRYPT_DECRYPT", ["SM2PKE"]),
        new("SM2", "SIGN_VERIFY", ["SM2DSA"]),
        new("SM2", "KEY_AGREEMENT", ["ECDH"]),
        new("HMAC_224", "GENERATE_VERIFY_MAC", ["HMAC_SHA_224"]),
        new("HMAC_256", "GENERATE_VERIFY_MAC", ["HMAC_SHA_256"]),
        new("HMAC_384", "GENERATE_VERIFY_MAC", ["HMAC_SHA_384"]),
        new("HMAC_512", "GENERATE_VERIFY_MAC", ["HMAC_SHA_512"]),
    ];

    /// <summary>Every KeySpec of the AWS model.</summary>
    public static IEnumerable<string> Specs => Matrix.Select(r => r.Spec).Distinct();

    /// <summary>The DataKeyPairSpec values (every asymmetric KeySpec but ML-DSA).</summary>
    public static readonly string[] DataKeyPairSpecs =
        ["RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "ECC_NIST_EDWARDS25519", "SM2"];

    public static readonly byte[] Message = "Trent key spec test: the quick brown fox jumps over the lazy dog"u8.ToArray();

    public static bool IsAllowed(string spec, string usage) => Matrix.Any(r => r.Spec == spec && r.Usage == usage);

    public static SpecUsage Row(string spec, string usage) => Matrix.Single(r => r.Spec == spec && r.Usage == usage);

    public static TheoryData<string, string> Theory(IEnumerable<(string, string)> rows)
    {
        var data = new TheoryData<string, string>();
        foreach (var (a, b) in rows)
        {
            data.Add(a, b);
        }
        return data;
    }

    public static MemoryStream Stream(byte[] bytes) => new(bytes);

    public static byte[] Bytes(MemoryStream stream) => stream.ToArray();

    /// <summary>The exact DIGEST length of a signing algorithm (64 for ML-DSA's EXTERNAL_MU).</summary>
    public static int DigestLength(string algorithm) => algorithm switch
    {
        "SM2DSA" => 32,
        "ED25519_SHA_512" or "ED25519_PH_SHA_512" or "ML_DSA_SHAKE_256" => 64,
        _ when algorithm.EndsWith("_256", StringComparison.Ordinal) => 32,
        _ when algorithm.EndsWith("_384", StringComparison.Ordinal) => 48,
        _ => 64,
    };

    /// <summary>The digest a caller sends as MessageType DIGEST for a SHA-2 algorithm (SHA-512 for Ed25519ph).</summary>
    public static byte[] Digest(string algorithm, byte[] message) => DigestLength(algorithm) switch
    {
        32 when algorithm != "SM2DSA" => SHA256.HashData(message),
        48 => SHA384.HashData(message),
        64 when algorithm != "ML_DSA_SHAKE_256" => SHA512.HashData(message),
        _ => throw new ArgumentException($"{algorithm} has no SHA-2 digest.", nameof(algorithm)),
    };

    /// <summary>The key bits of a SubjectPublicKeyInfo (the raw ML-DSA or Ed25519 public key, or the EC point).</summary>
    public static byte[] SpkiKeyBits(byte[] spki, out string algorithmOid, out string? parameterOid)
    {
        var info = new AsnReader(spki, AsnEncodingRules.DER).ReadSequence();
        var algorithm = info.ReadSequence();
        algorithmOid = algorithm.ReadObjectIdentifier();
        parameterOid = algorithm.HasData && algorithm.PeekTag().HasSameClassAndValue(Asn1Tag.ObjectIdentifier) ? algorithm.ReadObjectIdentifier() : null;
        return info.ReadBitString(out _);
    }

    public static byte[] SpkiKeyBits(byte[] spki) => SpkiKeyBits(spki, out _, out _);

    /// <summary>ML-DSA's μ = SHAKE256(SHAKE256(pk, 64) ‖ 0x00 ‖ 0x00 ‖ M, 64) (FIPS 204 Algorithm 2, empty context), with .NET's SHAKE.</summary>
    public static byte[] Mu(byte[] rawPublicKey, byte[] message) =>
        Shake256.HashData([.. Shake256.HashData(rawPublicKey, 64), 0, 0, .. message], 64);

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    public static async Task<SignResponse> SignAsync(
        this IAmazonKeyManagementService kms, KeyMetadata key, string algorithm, byte[] message, string messageType = "RAW") =>
        await kms.SignAsync(new SignRequest
        {
            KeyId = key.Arn,
            SigningAlgorithm = new SigningAlgorithmSpec(algorithm),
            MessageType = new MessageType(messageType),
            Message = Stream(message),
        });

    public static async Task<VerifyResponse> VerifyAsync(
        this IAmazonKeyManagementService kms, KeyMetadata key, string algorithm, byte[] message, byte[] signature, string messageType = "RAW") =>
        await kms.VerifyAsync(new VerifyRequest
        {
            KeyId = key.Arn,
            SigningAlgorithm = new SigningAlgorithmSpec(algorithm),
            MessageType = new MessageType(messageType),
            Message = Stream(message),
            Signature = Stream(signature),
        });

    /// <summary>A modeled error AWS sends without a message (KMSInvalidSignatureException, KMSInvalidMacException, ...).</summary>
    public static Task<T> NoMessageError<T>(Func<Task> call) where T : AmazonKeyManagementServiceException =>
        Expect.Error<T>(call, CryptoKit.NoMessage(typeof(T).Name));

    /// <summary>A ValidationException without a message (DeriveSharedSecret's answer to a peer key it cannot use).</summary>
    public static Task<AmazonKeyManagementServiceException> EmptyValidation(Func<Task> call) =>
        Expect.Validation(call, CryptoKit.NoMessage("ValidationException"));

    public static Task<InvalidKeyUsageException> InvalidKeyUsage(Func<Task> call, string message) =>
        Expect.Error<InvalidKeyUsageException>(call, message);

    /// <summary>AWS's text for a key whose usage does not allow the operation.</summary>
    public static string WrongUsage(KeyMetadata key, string operation) =>
        $"{key.Arn} key usage is {key.KeyUsage} which is not valid for {operation}.";

    /// <summary>AWS's text for an algorithm the key spec does not offer.</summary>
    public static string Incompatible(string algorithm, string spec) => $"Algorithm {algorithm} is incompatible with key spec {spec}.";
}
