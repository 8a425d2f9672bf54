using Trent.Core.Keys;

namespace Trent.Core.Crypto.Asymmetric;

/// <summary>
/// An asymmetric KMS key (or a public key alone) parsed once from its material, for Sign, Verify, Encrypt, Decrypt
/// and DeriveSharedSecret. Safe for concurrent use by many requests; Dispose releases and zeroes what Trent holds.
/// Each operation first applies AWS's rules (AlgorithmRules) and throws the KmsException AWS would send.
/// </summary>
public abstract class AsymmetricKey : IDisposable
{
    private readonly byte[] _publicKey;
    private int _disposed;

    private protected AsymmetricKey(KeySpec spec, byte[] publicKey, bool hasPrivateKey)
    {
        Spec = spec;
        _publicKey = publicKey;
        HasPrivateKey = hasPrivateKey;
    }

    public KeySpec Spec { get; }

    /// <summary>False for a key made from a public key alone: it can verify and encrypt only.</summary>
    public bool HasPrivateKey { get; }

    /// <summary>The DER X.509 SubjectPublicKeyInfo exactly as GetPublicKey returns it.</summary>
    public ReadOnlyMemory<byte> PublicKey => _publicKey;

    /// <summary>Parses DER PKCS#8 private key material of the spec; throws CryptographicException if it is malformed or of another spec.</summary>
    public static AsymmetricKey Import(KeySpec spec, ReadOnlySpan<byte> pkcs8) => spec switch
    {
        KeySpec.RSA_2048 or KeySpec.RSA_3072 or KeySpec.RSA_4096 => RsaKey.FromPkcs8(spec, pkcs8),
        KeySpec.ECC_NIST_P256 or KeySpec.ECC_NIST_P384 or KeySpec.ECC_NIST_P521 or KeySpec.ECC_SECG_P256K1 => EcKey.FromPkcs8(spec, pkcs8),
        KeySpec.ECC_NIST_EDWARDS25519 => Ed25519Key.FromPkcs8(pkcs8),
        KeySpec.ML_DSA_44 or KeySpec.ML_DSA_65 or KeySpec.ML_DSA_87 => MlDsaKey.FromPkcs8(spec, pkcs8),
        KeySpec.SM2 => Sm2Key.FromPkcs8(pkcs8),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec, "Not an asymmetric key spec."),
    };

    /// <summary>Parses a DER SubjectPublicKeyInfo of the spec; throws CryptographicException if it is malformed or of another spec.</summary>
    public static AsymmetricKey ImportPublic(KeySpec spec, ReadOnlySpan<byte> spki) => spec switch
    {
        KeySpec.RSA_2048 or KeySpec.RSA_3072 or KeySpec.RSA_4096 => RsaKey.FromSpki(spec, spki),
        KeySpec.ECC_NIST_P256 or KeySpec.ECC_NIST_P384 or KeySpec.ECC_NIST_P521 or KeySpec.ECC_SECG_P256K1 => EcKey.FromSpki(spec, spki),
        KeySpec.ECC_NIST_EDWARDS25519 => Ed25519Key.FromSpki(spki),
        KeySpec.ML_DSA_44 or KeySpec.ML_DSA_65 or KeySpec.ML_DSA_87 => MlDsaKey.FromSpki(spec, spki),
        KeySpec.SM2 => Sm2Key.FromSpki(spki),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec, "Not an asymmetric key spec."),
    };

    /// <summary>Sign: the signature in AWS's format (DER for ECDSA and SM2DSA, raw otherwise).</summary>
    public byte[] Sign(SigningAlgorithm algorithm, MessageType messageType, ReadOnlySpan<byte> message)
    {
        AlgorithmRules.CheckSigning(Spec, algorithm, messageType, message.Length);
        RequirePrivateKey();
        return SignCore(algorithm, messageType, message);
    }

    /// <summary>Verify: false for a signature that does not verify or is malformed; throws only for requests AWS rejects.</summary>
    public bool Verify(SigningAlgorithm algorithm, MessageType messageType, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        AlgorithmRules.CheckSigning(Spec, algorithm, messageType, message.Length);
        ThrowIfDisposed();
        return VerifyCore(algorithm, messageType, message, signature);
    }

    /// <summary>Encrypt with the public key; throws ValidationException when the plaintext exceeds AWS's limit.</summary>
    public byte[] Encrypt(EncryptionAlgorithm algorithm, ReadOnlySpan<byte> plaintext)
    {
        RequirePlaintextFits(algorithm, plaintext.Length);
        ThrowIfDisposed();
        return EncryptCore(algorithm, plaintext);
    }

    /// <summary>Throws AWS's ValidationException when a plaintext of this length exceeds the limit (a dry run checks it too).</summary>
    public void RequirePlaintextFits(EncryptionAlgorithm algorithm, int length)
    {
        var limit = MaxPlaintextLength(algorithm);
        if (length > limit)
        {
            throw KmsException.Validation($"Algorithm {algorithm} and key spec {Spec} cannot encrypt data larger than {limit} bytes.");
        }
    }

    /// <summary>Decrypt; null when the ciphertext does not decrypt (the operation answers InvalidCiphertextException).</summary>
    public byte[]? Decrypt(EncryptionAlgorithm algorithm, ReadOnlySpan<byte> ciphertext)
    {
        AlgorithmRules.RequireCompatible(Spec, algorithm.ToString());
        RequirePrivateKey();
        return DecryptCore(algorithm, ciphertext);
    }

    /// <summary>The largest plaintext AWS encrypts with this key and algorithm (also the ReEncrypt destination limit).</summary>
    public int MaxPlaintextLength(EncryptionAlgorithm algorithm)
    {
        AlgorithmRules.RequireCompatible(Spec, algorithm.ToString());
        return MaxPlaintextLengthCore(algorithm);
    }

    /// <summary>
    /// ECDH with the peer's DER SubjectPublicKeyInfo: the raw shared x-coordinate. A peer key that is malformed or
    /// on another curve is a ValidationException with an empty message, as AWS sends it.
    /// </summary>
    public byte[] DeriveSharedSecret(ReadOnlySpan<byte> peerPublicKey)
    {
        AlgorithmRules.RequireCompatible(Spec, "ECDH");
        RequirePrivateKey();
        return DeriveSharedSecretCore(peerPublicKey);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            DisposeCore();
        }
        GC.SuppressFinalize(this);
    }

    private protected abstract byte[] SignCore(SigningAlgorithm algorithm, MessageType messageType, ReadOnlySpan<byte> message);

    private protected abstract bool VerifyCore(SigningAlgorithm algorithm, MessageType messageType, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);

    // The defaults are unreachable: AlgorithmRules admits only algorithms the spec lists, which its family implements.
    private protected virtual int MaxPlaintextLengthCore(EncryptionAlgorithm algorithm) => throw new NotSupportedException();

    private protected virtual byte[] EncryptCore(EncryptionAlgorithm algorithm, ReadOnlySpan<byte> plaintext) => throw new NotSupportedException();

    private protected virtual byte[]? DecryptCore(EncryptionAlgorithm algorithm, ReadOnlySpan<byte> ciphertext) => throw new NotSupportedException();

    private protected virtual byte[] DeriveSharedSecretCore(ReadOnlySpan<byte> peerPublicKey) => throw new NotSupportedException();

    private protected abstract void DisposeCore();

    /// <summary>The ValidationException AWS sends for a peer public key it cannot use: no message text.</summary>
    private protected static KmsException InvalidPeerKey() => new(KmsErrorCode.ValidationException, string.Empty);

    private void RequirePrivateKey()
    {
        ThrowIfDisposed();
        if (!HasPrivateKey)
        {
            throw new InvalidOperationException("This key holds a public key only.");
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
