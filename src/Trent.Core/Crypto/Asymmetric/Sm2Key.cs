using System.Formats.Asn1;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Agreement;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities;
using Trent.Core.Keys;
using BigInteger = Org.BouncyCastle.Math.BigInteger;
using ECPoint = Org.BouncyCastle.Math.EC.ECPoint;

namespace Trent.Core.Crypto.Asymmetric;

/// <summary>
/// SM2 (curve sm2p256v1) with BouncyCastle (.NET has no SM2): SM2DSA signatures with the default distinguishing
/// ID, SM2PKE encryption (SM3, DER ciphertext) and ECDH. Encoded as id-ecPublicKey with the sm2p256v1 curve OID, as
/// OpenSSL does. Key objects are immutable and engines are made per call, so one instance serves concurrent calls.
/// </summary>
internal sealed class Sm2Key : AsymmetricKey
{
    private const int FieldBytes = 32;
    private static readonly Asn1Tag EcParameters = new(TagClass.ContextSpecific, 0);
    private static readonly Asn1Tag EcPublicKey = new(TagClass.ContextSpecific, 1);

    private readonly ECPrivateKeyParameters? _private;
    private readonly ECPublicKeyParameters _public;
    private readonly byte[] _userHash;

    private Sm2Key(BigInteger? d, ECPoint q)
        : base(KeySpec.SM2, Spki(q), d is not null)
    {
        _private = d is null ? null : new ECPrivateKeyParameters(d, Domain);
        _public = new ECPublicKeyParameters(q, Domain);
        _userHash = Sm2Dsa.UserHash(Domain, q, Sm2Dsa.DefaultUserId);
    }

    internal static ECDomainParameters Domain { get; } = new(GMNamedCurves.GetByName("sm2p256v1"));

    /// <summary>A fresh key pair; d is drawn from [1, n − 2] because SM2 signing inverts 1 + d.</summary>
    public static KeyPairMaterial Generate(SecureRandom random)
    {
        var d = BigIntegers.CreateRandomInRange(BigInteger.One, Domain.N.Subtract(BigInteger.Two), random);
        var q = new FixedPointCombMultiplier().Multiply(Domain.G, d).Normalize();
        var scalar = BigIntegers.AsUnsignedByteArray(FieldBytes, d);
        var ecPrivateKey = new AsnWriter(AsnEncodingRules.DER);
        try
        {
            // RFC 5915 ECPrivateKey; the curve is named once, in the PKCS#8 algorithm identifier, as .NET writes it.
            using (ecPrivateKey.PushSequence())
            {
                ecPrivateKey.WriteInteger(1);
                ecPrivateKey.WriteOctetString(scalar);
                using (ecPrivateKey.PushSequence(EcPublicKey))
                {
                    ecPrivateKey.WriteBitString(q.GetEncoded(false));
                }
            }
            return new KeyPairMaterial(KeyDer.WritePkcs8(Oids.EcPublicKey, Oids.Sm2P256v1, ecPrivateKey.Encode()), Spki(q));
        }
        finally
        {
            ecPrivateKey.Reset();
            CryptographicOperations.ZeroMemory(scalar);
        }
    }

    public static Sm2Key FromPkcs8(ReadOnlySpan<byte> pkcs8)
    {
        var material = pkcs8.ToArray();
        try
        {
            var info = KeyDer.ReadPkcs8(material);
            if (info.Algorithm != Oids.EcPublicKey || info.ParameterOid != Oids.Sm2P256v1)
            {
                throw new CryptographicException("The key is not an SM2 key.");
            }
            var (d, stated) = ReadEcPrivateKey(info.PrivateKey);
            if (d.SignValue <= 0 || d.CompareTo(Domain.N.Subtract(BigInteger.One)) >= 0)
            {
                throw new CryptographicException("The SM2 private key is out of range.");
            }
            var q = new FixedPointCombMultiplier().Multiply(Domain.G, d).Normalize();
            if (stated is not null && !stated.AsSpan().SequenceEqual(q.GetEncoded(false)))
            {
                throw new CryptographicException("The SM2 public key does not match the private key.");
            }
            return new Sm2Key(d, q);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    public static Sm2Key FromSpki(ReadOnlySpan<byte> spki) => new(null, ReadPoint(spki));

    private protected override byte[] SignCore(SigningAlgorithm algorithm, MessageType messageType, ReadOnlySpan<byte> message)
    {
        var e = messageType == MessageType.DIGEST ? message.ToArray() : Sm2Dsa.MessageHash(_userHash, message);
        return Sm2Dsa.Sign(Domain, _private!.D, e, new SecureRandom());
    }

    private protected override bool VerifyCore(SigningAlgorithm algorithm, MessageType messageType, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        var e = messageType == MessageType.DIGEST ? message : Sm2Dsa.MessageHash(_userHash, message);
        return Sm2Dsa.Verify(Domain, _public.Q, e, signature);
    }

    private protected override int MaxPlaintextLengthCore(EncryptionAlgorithm algorithm) => 1024;

    private protected override byte[] EncryptCore(EncryptionAlgorithm algorithm, ReadOnlySpan<byte> plaintext)
    {
        var engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        engine.Init(true, new ParametersWithRandom(_public, new SecureRandom()));
        return Sm2Ciphertext.ToDer(engine.ProcessBlock(plaintext));
    }

    private protected override byte[]? DecryptCore(EncryptionAlgorithm algorithm, ReadOnlySpan<byte> ciphertext)
    {
        if (Sm2Ciphertext.FromDer(ciphertext) is not { } raw)
        {
            return null;
        }
        var engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        engine.Init(false, _private);
        try
        {
            return engine.ProcessBlock(raw);
        }
        catch (Exception e) when (e is InvalidCipherTextException or ArgumentException)
        {
            // A C1 off the curve is an ArgumentException inside BouncyCastle; a bad C3 is InvalidCipherTextException.
            return null;
        }
    }

    private protected override byte[] DeriveSharedSecretCore(ReadOnlySpan<byte> peerPublicKey)
    {
        ECPoint peer;
        try
        {
            peer = ReadPoint(peerPublicKey);
        }
        catch (CryptographicException)
        {
            throw InvalidPeerKey();
        }
        var agreement = new ECDHBasicAgreement();
        agreement.Init(_private);
        return BigIntegers.AsUnsignedByteArray(FieldBytes, agreement.CalculateAgreement(new ECPublicKeyParameters(peer, Domain)));
    }

    private protected override void DisposeCore()
    {
        // BouncyCastle keeps d as an immutable BigInteger; it becomes garbage with this instance.
    }

    private static byte[] Spki(ECPoint q)
    {
        var encoded = q.GetEncoded(false);
        return EcSpki.Write(Oids.Sm2P256v1, encoded.AsSpan(1, FieldBytes), encoded.AsSpan(1 + FieldBytes));
    }

    /// <summary>A point on sm2p256v1 from an SPKI; off-curve, infinite or out-of-field points are refused.</summary>
    private static ECPoint ReadPoint(ReadOnlySpan<byte> spki)
    {
        var (x, y) = EcSpki.Read(spki, Oids.Sm2P256v1, FieldBytes);
        try
        {
            return Domain.ValidatePublicPoint(Domain.Curve.CreatePoint(new BigInteger(1, x), new BigInteger(1, y)));
        }
        catch (ArgumentException e)
        {
            throw new CryptographicException("The public key is not a point on sm2p256v1.", e);
        }
    }

    /// <summary>RFC 5915 ECPrivateKey: version 1, the scalar, and optionally the curve (must be SM2) and the public point.</summary>
    private static (BigInteger D, byte[]? PublicKey) ReadEcPrivateKey(ReadOnlyMemory<byte> der) => KeyDer.Strict(() =>
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER);
        var key = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        if (!key.TryReadInt32(out var version) || version != 1 || !key.TryReadPrimitiveOctetString(out var scalar) || scalar.Length != FieldBytes)
        {
            throw new CryptographicException("Malformed SM2 private key.");
        }
        if (key.HasData && key.PeekTag().HasSameClassAndValue(EcParameters))
        {
            var parameters = key.ReadSequence(EcParameters);
            if (parameters.ReadObjectIdentifier() != Oids.Sm2P256v1)
            {
                throw new CryptographicException("The key is not on sm2p256v1.");
            }
            parameters.ThrowIfNotEmpty();
        }
        byte[]? publicKey = null;
        if (key.HasData)
        {
            var wrapper = key.ReadSequence(EcPublicKey);
            publicKey = wrapper.ReadBitString(out var unused);
            if (unused != 0)
            {
                throw new CryptographicException("Malformed SM2 public key.");
            }
            wrapper.ThrowIfNotEmpty();
        }
        key.ThrowIfNotEmpty();
        return (new BigInteger(1, scalar.Span), publicKey);
    });
}
