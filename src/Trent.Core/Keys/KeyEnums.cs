namespace Trent.Core.Keys;

// Member names are the AWS wire values and the values persisted in storage; never rename one.

/// <summary>AWS KMS key specs (KeySpec).</summary>
public enum KeySpec
{
    SYMMETRIC_DEFAULT,
    RSA_2048,
    RSA_3072,
    RSA_4096,
    ECC_NIST_P256,
    ECC_NIST_P384,
    ECC_NIST_P521,
    ECC_SECG_P256K1,
    ECC_NIST_EDWARDS25519,
    ML_DSA_44,
    ML_DSA_65,
    ML_DSA_87,
    SM2,
    HMAC_224,
    HMAC_256,
    HMAC_384,
    HMAC_512,
}

/// <summary>What a key may be used for (KeyUsage).</summary>
public enum KeyUsage
{
    ENCRYPT_DECRYPT,
    SIGN_VERIFY,
    GENERATE_VERIFY_MAC,
    KEY_AGREEMENT,
}

/// <summary>Where the key material came from (Origin).</summary>
public enum KeyOrigin
{
    AWS_KMS,
    EXTERNAL,
    AWS_CLOUDHSM,
    EXTERNAL_KEY_STORE,
}

/// <summary>AWS KMS key states (KeyState).</summary>
public enum KeyState
{
    Creating,
    Enabled,
    Disabled,
    PendingDeletion,
    PendingImport,
    PendingReplicaDeletion,
    Unavailable,
    Updating,
}

/// <summary>How a key material version came to be (RotationType).</summary>
public enum RotationType
{
    AUTOMATIC,
    ON_DEMAND,
}

/// <summary>Data key specs of GenerateDataKey (DataKeySpec).</summary>
public enum DataKeySpec
{
    AES_256,
    AES_128,
}

/// <summary>Encryption algorithms (EncryptionAlgorithmSpec).</summary>
public enum EncryptionAlgorithm
{
    SYMMETRIC_DEFAULT,
    RSAES_OAEP_SHA_1,
    RSAES_OAEP_SHA_256,
    SM2PKE,
}
