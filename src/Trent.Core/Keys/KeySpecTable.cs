using System.Collections.Frozen;

namespace Trent.Core.Keys;

/// <summary>What each key spec allows: usages (first is the default) and algorithms per usage, as AWS KMS defines them.</summary>
public static class KeySpecTable
{
    public sealed record Entry(
        KeySpec Spec,
        IReadOnlyList<KeyUsage> Usages,
        IReadOnlyList<string> EncryptionAlgorithms,
        IReadOnlyList<string> SigningAlgorithms,
        IReadOnlyList<string> MacAlgorithms,
        IReadOnlyList<string> KeyAgreementAlgorithms);

    private static readonly string[] Rsa = ["RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"];
    private static readonly string[] RsaSign =
        ["RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512",
         "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512"];

    private static readonly FrozenDictionary<KeySpec, Entry> Entries = new Entry[]
    {
        new(KeySpec.SYMMETRIC_DEFAULT, [KeyUsage.ENCRYPT_DECRYPT], ["SYMMETRIC_DEFAULT"], [], [], []),
        new(KeySpec.RSA_2048, [KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY], Rsa, RsaSign, [], []),
        new(KeySpec.RSA_3072, [KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY], Rsa, RsaSign, [], []),
        new(KeySpec.RSA_4096, [KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY], Rsa, RsaSign, [], []),
        new(KeySpec.ECC_NIST_P256, [KeyUsage.SIGN_VERIFY, KeyUsage.KEY_AGREEMENT], [], ["ECDSA_SHA_256"], [], ["ECDH"]),
        new(KeySpec.ECC_NIST_P384, [KeyUsage.SIGN_VERIFY, KeyUsage.KEY_AGREEMENT], [], ["ECDSA_SHA_384"], [], ["ECDH"]),
        new(KeySpec.ECC_NIST_P521, [KeyUsage.SIGN_VERIFY, KeyUsage.KEY_AGREEMENT], [], ["ECDSA_SHA_512"], [], ["ECDH"]),
        new(KeySpec.ECC_SECG_P256K1, [KeyUsage.SIGN_VERIFY], [], ["ECDSA_SHA_256"], [], []),
        new(KeySpec.ECC_NIST_EDWARDS25519, [KeyUsage.SIGN_VERIFY], [], ["ED25519_SHA_512", "ED25519_PH_SHA_512"], [], []),
        new(KeySpec.ML_DSA_44, [KeyUsage.SIGN_VERIFY], [], ["ML_DSA_SHAKE_256"], [], []),
        new(KeySpec.ML_DSA_65, [KeyUsage.SIGN_VERIFY], [], ["ML_DSA_SHAKE_256"], [], []),
        new(KeySpec.ML_DSA_87, [KeyUsage.SIGN_VERIFY], [], ["ML_DSA_SHAKE_256"], [], []),
        new(KeySpec.SM2, [KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY, KeyUsage.KEY_AGREEMENT], ["SM2PKE"], ["SM2DSA"], [], ["ECDH"]),
        new(KeySpec.HMAC_224, [KeyUsage.GENERATE_VERIFY_MAC], [], [], ["HMAC_SHA_224"], []),
        new(KeySpec.HMAC_256, [KeyUsage.GENERATE_VERIFY_MAC], [], [], ["HMAC_SHA_256"], []),
        new(KeySpec.HMAC_384, [KeyUsage.GENERATE_VERIFY_MAC], [], [], ["HMAC_SHA_384"], []),
        new(KeySpec.HMAC_512, [KeyUsage.GENERATE_VERIFY_MAC], [], [], ["HMAC_SHA_512"], []),
    }.ToFrozenDictionary(e => e.Spec);

    public static Entry For(KeySpec spec) => Entries[spec];

    public static IEnumerable<Entry> All => Entries.Values.OrderBy(e => e.Spec);

    /// <summary>The algorithms a key reports for its usage; only the list of its usage is non-empty, as in KeyMetadata.</summary>
    public static (IReadOnlyList<string> Encryption, IReadOnlyList<string> Signing, IReadOnlyList<string> Mac, IReadOnlyList<string> KeyAgreement)
        AlgorithmsFor(KeySpec spec, KeyUsage usage)
    {
        var e = For(spec);
        return usage switch
        {
            KeyUsage.ENCRYPT_DECRYPT => (e.EncryptionAlgorithms, [], [], []),
            KeyUsage.SIGN_VERIFY => ([], e.SigningAlgorithms, [], []),
            KeyUsage.GENERATE_VERIFY_MAC => ([], [], e.MacAlgorithms, []),
            KeyUsage.KEY_AGREEMENT => ([], [], [], e.KeyAgreementAlgorithms),
            _ => ([], [], [], []),
        };
    }
}
