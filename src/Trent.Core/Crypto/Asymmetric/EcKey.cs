using System.Formats.Asn1;
using System.Security.Cryptography;
using Trent.Core.Keys;

namespace Trent.Core.Crypto.Asymmetric;

/// <summary>
/// ECC_NIST_P256/P384/P521 and ECC_SECG_P256K1 with .NET (OpenSSL, which knows secp256k1 by its OID): ECDSA with
/// DER signatures, and ECDH with the raw shared x-coordinate.
/// </summary>
internal sealed class EcKey : AsymmetricKey
{
    private readonly byte[]? _pkcs8;
    private readonly InstancePool<ECDsa> _signers;
    private readonly InstancePool<ECDiffieHellman> _agreements;

    private EcKey(KeySpec spec, byte[] publicKey, byte[]? pkcs8) : base(spec, publicKey, pkcs8 is not null)
    {
        _pkcs8 = pkcs8;
        _signers = new InstancePool<ECDsa>(() => Create(ECDsa.Create()));
        _agreements = new InstancePool<ECDiffieHellman>(() => Create(ECDiffieHellman.Create()));
    }

    public static EcKey FromPkcs8(KeySpec spec, ReadOnlySpan<byte> pkcs8)
    {
        var material = pkcs8.ToArray();
        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(material, out var read);
            var curve = ecdsa.ExportParameters(false).Curve;
            if (read != material.Length || !curve.IsNamed || curve.Oid.Value != CurveOid(spec))
            {
                throw new CryptographicException($"The key is not an {spec} key.");
            }
            return new EcKey(spec, ecdsa.ExportSubjectPublicKeyInfo(), material);
        }
        catch
        {
            CryptographicOperations.ZeroMemory(material);
            throw;
        }
    }

    public static EcKey FromSpki(KeySpec spec, ReadOnlySpan<byte> spki)
    {
        using var ecdsa = ECDsa.Create(ReadPoint(spec, spki));
        return new EcKey(spec, ecdsa.ExportSubjectPublicKeyInfo(), null);
    }

    private protected override byte[] SignCore(SigningAlgorithm algorithm, MessageType messageType, ReadOnlySpan<byte> message)
    {
        using var lease = _signers.Rent();
        return messageType == MessageType.RAW
            ? lease.Instance.SignData(message, AlgorithmRules.HashOf(algorithm), DSASignatureFormat.Rfc3279DerSequence)
            : lease.Instance.SignHash(message, DSASignatureFormat.Rfc3279DerSequence);
    }

    private protected override bool VerifyCore(SigningAlgorithm algorithm, MessageType messageType, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (!IsDerSignature(signature))
        {
            return false;
        }
        using var lease = _signers.Rent();
        try
        {
            return messageType == MessageType.RAW
                ? lease.Instance.VerifyData(message, signature, AlgorithmRules.HashOf(algorithm), DSASignatureFormat.Rfc3279DerSequence)
                : lease.Instance.VerifyHash(message, signature, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private protected override byte[] DeriveSharedSecretCore(ReadOnlySpan<byte> peerPublicKey)
    {
        ECDiffieHellman peer;
        try
        {
            // Creating the key from parameters makes OpenSSL check that the point is on the curve.
            peer = ECDiffieHellman.Create(ReadPoint(Spec, peerPublicKey));
        }
        catch (CryptographicException)
        {
            throw InvalidPeerKey();
        }
        using (peer)
        {
            using var peerPublic = peer.PublicKey;
            using var lease = _agreements.Rent();
            return lease.Instance.DeriveRawSecretAgreement(peerPublic);
        }
    }

    private protected override void DisposeCore()
    {
        _signers.Dispose();
        _agreements.Dispose();
        CryptographicOperations.ZeroMemory(_pkcs8);
    }

    private T Create<T>(T key)
        where T : ECAlgorithm
    {
        try
        {
            if (_pkcs8 is not null)
            {
                key.ImportPkcs8PrivateKey(_pkcs8, out _);
            }
            else
            {
                key.ImportSubjectPublicKeyInfo(PublicKey.Span, out _);
            }
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A signature must be the strict DER SEQUENCE { r, s } of two positive INTEGERs. .NET's own conversion accepts
    /// an INTEGER whose leading zero is missing (a negative number read as unsigned), which Wycheproof rejects.
    /// </summary>
    private static bool IsDerSignature(ReadOnlySpan<byte> signature)
    {
        try
        {
            var outer = new AsnReader(signature.ToArray(), AsnEncodingRules.DER);
            var sequence = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            var (r, s) = (sequence.ReadInteger(), sequence.ReadInteger());
            sequence.ThrowIfNotEmpty();
            return r.Sign > 0 && s.Sign > 0;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    private static ECParameters ReadPoint(KeySpec spec, ReadOnlySpan<byte> spki)
    {
        var (x, y) = EcSpki.Read(spki, CurveOid(spec), FieldBytes(spec));
        return new ECParameters { Curve = ECCurve.CreateFromValue(CurveOid(spec)), Q = new ECPoint { X = x, Y = y } };
    }

    internal static string CurveOid(KeySpec spec) => spec switch
    {
        KeySpec.ECC_NIST_P256 => Oids.P256,
        KeySpec.ECC_NIST_P384 => Oids.P384,
        KeySpec.ECC_NIST_P521 => Oids.P521,
        KeySpec.ECC_SECG_P256K1 => Oids.Secp256k1,
        _ => throw new ArgumentOutOfRangeException(nameof(spec)),
    };

    private static int FieldBytes(KeySpec spec) => spec switch
    {
        KeySpec.ECC_NIST_P384 => 48,
        KeySpec.ECC_NIST_P521 => 66,
        _ => 32,
    };
}
