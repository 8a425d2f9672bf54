using System.Security.Cryptography;
using Trent.Core.Keys;

namespace Trent.Core.Crypto.Asymmetric;

/// <summary>
/// AWS KMS's rules for an algorithm with a key spec and a message: which spec allows which algorithm (from
/// KeySpecTable), which MessageType an algorithm accepts, and how long a DIGEST or EXTERNAL_MU message must be.
/// </summary>
public static class AlgorithmRules
{
    /// <summary>Throws InvalidKeyUsageException unless the spec lists the algorithm for some usage.</summary>
    public static void RequireCompatible(KeySpec spec, string algorithm)
    {
        var entry = KeySpecTable.For(spec);
        if (!entry.SigningAlgorithms.Contains(algorithm) && !entry.EncryptionAlgorithms.Contains(algorithm)
            && !entry.MacAlgorithms.Contains(algorithm) && !entry.KeyAgreementAlgorithms.Contains(algorithm))
        {
            // Observed for HMAC keys; the same text for the other families is our assumption [U].
            throw new KmsException(KmsErrorCode.InvalidKeyUsageException, $"Algorithm {algorithm} is incompatible with key spec {spec}.");
        }
    }

    /// <summary>Checks a Sign or Verify request against the key spec; throws the KmsException AWS would send.</summary>
    public static void CheckSigning(KeySpec spec, SigningAlgorithm algorithm, MessageType messageType, int messageLength)
    {
        RequireCompatible(spec, algorithm.ToString());
        if (!Accepts(algorithm, messageType))
        {
            // AWS rejects these combinations with a ValidationException; the exact text is not observed [U].
            throw KmsException.Validation($"MessageType {messageType} is not supported for signing algorithm {algorithm}.");
        }
        if (messageType != MessageType.RAW && messageLength != DigestLength(algorithm))
        {
            // Observed for DIGEST; for EXTERNAL_MU (64 bytes) the same text is our assumption [U].
            throw KmsException.Validation($"Digest is invalid length for algorithm {algorithm}.");
        }
    }

    /// <summary>The MessageTypes AWS accepts per algorithm: Ed25519 splits pure (RAW) and prehash (DIGEST); only ML-DSA takes μ.</summary>
    public static bool Accepts(SigningAlgorithm algorithm, MessageType messageType) => algorithm switch
    {
        SigningAlgorithm.ED25519_SHA_512 => messageType == MessageType.RAW,
        SigningAlgorithm.ED25519_PH_SHA_512 => messageType == MessageType.DIGEST,
        SigningAlgorithm.ML_DSA_SHAKE_256 => messageType is MessageType.RAW or MessageType.EXTERNAL_MU,
        _ => messageType is MessageType.RAW or MessageType.DIGEST,
    };

    /// <summary>The exact length of a DIGEST (or, for ML-DSA, EXTERNAL_MU) message.</summary>
    public static int DigestLength(SigningAlgorithm algorithm) => algorithm switch
    {
        SigningAlgorithm.RSASSA_PSS_SHA_256 or SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_256 or SigningAlgorithm.ECDSA_SHA_256 => 32,
        SigningAlgorithm.RSASSA_PSS_SHA_384 or SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_384 or SigningAlgorithm.ECDSA_SHA_384 => 48,
        SigningAlgorithm.RSASSA_PSS_SHA_512 or SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_512 or SigningAlgorithm.ECDSA_SHA_512 => 64,
        SigningAlgorithm.ED25519_PH_SHA_512 or SigningAlgorithm.ED25519_SHA_512 => 64,
        SigningAlgorithm.ML_DSA_SHAKE_256 => 64,
        SigningAlgorithm.SM2DSA => 32,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>The hash of the RSA and ECDSA algorithms (the ones .NET signs).</summary>
    internal static HashAlgorithmName HashOf(SigningAlgorithm algorithm) => DigestLength(algorithm) switch
    {
        32 => HashAlgorithmName.SHA256,
        48 => HashAlgorithmName.SHA384,
        64 => HashAlgorithmName.SHA512,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };
}
