using System.Security.Cryptography;
using Trent.Core.Keys;

namespace Trent.Core.Crypto.Asymmetric;

/// <summary>RSA_2048/3072/4096 with .NET (OpenSSL): RSASSA-PSS and PKCS#1 v1.5 signatures, RSAES-OAEP encryption.</summary>
internal sealed class RsaKey : AsymmetricKey
{
    // Kept to make further pooled instances; zeroed on Dispose. Null for a public-only key.
    private readonly byte[]? _pkcs8;
    private readonly InstancePool<RSA> _pool;

    private RsaKey(KeySpec spec, byte[] publicKey, byte[]? pkcs8) : base(spec, publicKey, pkcs8 is not null)
    {
        _pkcs8 = pkcs8;
        _pool = new InstancePool<RSA>(CreateInstance);
    }

    public static RsaKey FromPkcs8(KeySpec spec, ReadOnlySpan<byte> pkcs8)
    {
        var material = pkcs8.ToArray();
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(material, out var read);
            RequireShape(spec, rsa, read == material.Length);
            return new RsaKey(spec, rsa.ExportSubjectPublicKeyInfo(), material);
        }
        catch
        {
            CryptographicOperations.ZeroMemory(material);
            throw;
        }
    }

    public static RsaKey FromSpki(KeySpec spec, ReadOnlySpan<byte> spki)
    {
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(spki, out var read);
        RequireShape(spec, rsa, read == spki.Length);
        return new RsaKey(spec, rsa.ExportSubjectPublicKeyInfo(), null);
    }

    private int ModulusBytes => Bits(Spec) / 8;

    private protected override byte[] SignCore(SigningAlgorithm algorithm, MessageType messageType, ReadOnlySpan<byte> message)
    {
        using var lease = _pool.Rent();
        var (hash, padding) = (AlgorithmRules.HashOf(algorithm), Padding(algorithm));
        return messageType == MessageType.RAW
            ? lease.Instance.SignData(message, hash, padding)
            : lease.Instance.SignHash(message, hash, padding);
    }

    private protected override bool VerifyCore(SigningAlgorithm algorithm, MessageType messageType, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        using var lease = _pool.Rent();
        var (hash, padding) = (AlgorithmRules.HashOf(algorithm), Padding(algorithm));
        try
        {
            return messageType == MessageType.RAW
                ? lease.Instance.VerifyData(message, signature, hash, padding)
                : lease.Instance.VerifyHash(message, signature, hash, padding);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    // OAEP: modulus bytes - 2 * hash length - 2 (RFC 8017 §7.1.1), which gives AWS's 214/190, 342/318, 470/446.
    private protected override int MaxPlaintextLengthCore(EncryptionAlgorithm algorithm) =>
        ModulusBytes - (2 * (algorithm == EncryptionAlgorithm.RSAES_OAEP_SHA_1 ? 20 : 32)) - 2;

    private protected override byte[] EncryptCore(EncryptionAlgorithm algorithm, ReadOnlySpan<byte> plaintext)
    {
        using var lease = _pool.Rent();
        return lease.Instance.Encrypt(plaintext, Oaep(algorithm));
    }

    private protected override byte[]? DecryptCore(EncryptionAlgorithm algorithm, ReadOnlySpan<byte> ciphertext)
    {
        if (ciphertext.Length != ModulusBytes)
        {
            return null;
        }
        using var lease = _pool.Rent();
        try
        {
            return lease.Instance.Decrypt(ciphertext, Oaep(algorithm));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private protected override void DisposeCore()
    {
        _pool.Dispose();
        CryptographicOperations.ZeroMemory(_pkcs8);
    }

    private RSA CreateInstance()
    {
        var rsa = RSA.Create();
        try
        {
            if (_pkcs8 is not null)
            {
                rsa.ImportPkcs8PrivateKey(_pkcs8, out _);
            }
            else
            {
                rsa.ImportSubjectPublicKeyInfo(PublicKey.Span, out _);
            }
            return rsa;
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    private static void RequireShape(KeySpec spec, RSA rsa, bool consumedAll)
    {
        if (!consumedAll || rsa.KeySize != Bits(spec))
        {
            throw new CryptographicException($"The key is not an {spec} key.");
        }
    }

    private static int Bits(KeySpec spec) => spec switch
    {
        KeySpec.RSA_2048 => 2048,
        KeySpec.RSA_3072 => 3072,
        KeySpec.RSA_4096 => 4096,
        _ => throw new ArgumentOutOfRangeException(nameof(spec)),
    };

    // PSS in KMS: MGF1 with the message hash and a salt as long as the hash, which is .NET's RSASignaturePadding.Pss.
    private static RSASignaturePadding Padding(SigningAlgorithm algorithm) => algorithm switch
    {
        SigningAlgorithm.RSASSA_PSS_SHA_256 or SigningAlgorithm.RSASSA_PSS_SHA_384 or SigningAlgorithm.RSASSA_PSS_SHA_512 => RSASignaturePadding.Pss,
        _ => RSASignaturePadding.Pkcs1,
    };

    // .NET's OAEP paddings use MGF1 with the OAEP hash and an empty label, as KMS does.
    private static RSAEncryptionPadding Oaep(EncryptionAlgorithm algorithm) =>
        algorithm == EncryptionAlgorithm.RSAES_OAEP_SHA_1 ? RSAEncryptionPadding.OaepSHA1 : RSAEncryptionPadding.OaepSHA256;
}
