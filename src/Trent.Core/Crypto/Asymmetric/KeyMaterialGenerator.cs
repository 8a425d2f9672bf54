using System.Security.Cryptography;
using Org.BouncyCastle.Security;
using Trent.Core.Keys;

namespace Trent.Core.Crypto.Asymmetric;

/// <summary>
/// Generates the private material of non-symmetric KMS keys and of data key pairs. Seeds that are plain random bytes
/// (HMAC keys, Ed25519 and ML-DSA seeds) come from the injected IRandomSource; RSA, ECDSA and SM2 key generation
/// draws from the platform's CSPRNG (OpenSSL through .NET, or .NET's RandomNumberGenerator through BouncyCastle's
/// SecureRandom), which is acceptable because those generators need rejection sampling we should not re-implement.
/// </summary>
public static class KeyMaterialGenerator
{
    /// <summary>The material to store for a new key: DER PKCS#8 PrivateKeyInfo, or the raw secret of an HMAC key.</summary>
    public static byte[] Generate(KeySpec spec, IRandomSource random)
    {
        if (MacKeys.IsMacSpec(spec))
        {
            var secret = new byte[MacKeys.GeneratedKeyLength(spec)];
            random.Fill(secret);
            return secret;
        }
        return GenerateKeyPair(spec, random).PrivateKey;
    }

    /// <summary>A new asymmetric key pair of the spec: PKCS#8 private key and the SubjectPublicKeyInfo GetPublicKey returns.</summary>
    public static KeyPairMaterial GenerateKeyPair(KeySpec spec, IRandomSource random)
    {
        switch (spec)
        {
            case KeySpec.RSA_2048 or KeySpec.RSA_3072 or KeySpec.RSA_4096:
                using (var rsa = RSA.Create(spec switch { KeySpec.RSA_2048 => 2048, KeySpec.RSA_3072 => 3072, _ => 4096 }))
                {
                    return new KeyPairMaterial(rsa.ExportPkcs8PrivateKey(), rsa.ExportSubjectPublicKeyInfo());
                }
            case KeySpec.ECC_NIST_P256 or KeySpec.ECC_NIST_P384 or KeySpec.ECC_NIST_P521 or KeySpec.ECC_SECG_P256K1:
                using (var ecdsa = ECDsa.Create(ECCurve.CreateFromValue(EcKey.CurveOid(spec))))
                {
                    return new KeyPairMaterial(ecdsa.ExportPkcs8PrivateKey(), ecdsa.ExportSubjectPublicKeyInfo());
                }
            case KeySpec.ECC_NIST_EDWARDS25519:
                return WithSeed(random, Ed25519Key.FromSeed);
            case KeySpec.ML_DSA_44 or KeySpec.ML_DSA_65 or KeySpec.ML_DSA_87:
                return WithSeed(random, seed => MlDsaKey.FromSeed(spec, seed));
            case KeySpec.SM2:
                return Sm2Key.Generate(new SecureRandom());
            default:
                throw new ArgumentOutOfRangeException(nameof(spec), spec, "Not an asymmetric key spec.");
        }
    }

    /// <summary>GenerateDataKeyPair: a key pair of the DataKeyPairSpec (each names a KeySpec).</summary>
    public static KeyPairMaterial GenerateDataKeyPair(DataKeyPairSpec spec, IRandomSource random) =>
        GenerateKeyPair(Enum.Parse<KeySpec>(spec.ToString()), random);

    private delegate KeyPairMaterial FromSeed(ReadOnlySpan<byte> seed);

    private static KeyPairMaterial WithSeed(IRandomSource random, FromSeed derive)
    {
        Span<byte> seed = stackalloc byte[32];
        try
        {
            random.Fill(seed);
            return derive(seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }
}
