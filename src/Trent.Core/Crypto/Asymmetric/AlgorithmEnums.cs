namespace Trent.Core.Crypto.Asymmetric;

// Member names are the AWS wire values; never rename one. The operation layer parses the wire string into these,
// so an unknown value gets AWS's own ValidationException text there. Which algorithm a key spec allows is in
// KeySpecTable (by these same names).

/// <summary>Signing algorithms (SigningAlgorithmSpec).</summary>
public enum SigningAlgorithm
{
    RSASSA_PSS_SHA_256,
    RSASSA_PSS_SHA_384,
    RSASSA_PSS_SHA_512,
    RSASSA_PKCS1_V1_5_SHA_256,
    RSASSA_PKCS1_V1_5_SHA_384,
    RSASSA_PKCS1_V1_5_SHA_512,
    ECDSA_SHA_256,
    ECDSA_SHA_384,
    ECDSA_SHA_512,
    ED25519_SHA_512,
    ED25519_PH_SHA_512,
    ML_DSA_SHAKE_256,
    SM2DSA,
}

/// <summary>What the Message of Sign and Verify holds (MessageType).</summary>
public enum MessageType
{
    RAW,
    DIGEST,
    EXTERNAL_MU,
}

/// <summary>MAC algorithms (MacAlgorithmSpec).</summary>
public enum MacAlgorithm
{
    HMAC_SHA_224,
    HMAC_SHA_256,
    HMAC_SHA_384,
    HMAC_SHA_512,
}

/// <summary>Key pair specs of GenerateDataKeyPair (DataKeyPairSpec); each has the KeySpec of the same name.</summary>
public enum DataKeyPairSpec
{
    RSA_2048,
    RSA_3072,
    RSA_4096,
    ECC_NIST_P256,
    ECC_NIST_P384,
    ECC_NIST_P521,
    ECC_SECG_P256K1,
    ECC_NIST_EDWARDS25519,
    SM2,
}
