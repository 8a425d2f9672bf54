using System.Formats.Asn1;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc8032;
using Trent.Core.Keys;

namespace Trent.Core.Crypto.Asymmetric;

/// <summary>
/// ECC_NIST_EDWARDS25519 with BouncyCastle (.NET has no Ed25519): pure Ed25519 (ED25519_SHA_512, RAW) and
/// Ed25519ph (ED25519_PH_SHA_512, DIGEST), 64-byte raw signatures, RFC 8410 encodings.
/// BouncyCastle's key objects are immutable, so one instance serves concurrent calls; they keep their own copy of
/// the seed, which Trent cannot zero.
/// </summary>
internal sealed class Ed25519Key : AsymmetricKey
{
    private const int SeedLength = 32;
    private readonly Ed25519PrivateKeyParameters? _private;
    private readonly Ed25519PublicKeyParameters _public;

    private Ed25519Key(Ed25519PrivateKeyParameters? privateKey, Ed25519PublicKeyParameters publicKey)
        : base(KeySpec.ECC_NIST_EDWARDS25519, KeyDer.WriteSpki(Oids.Ed25519, null, publicKey.GetEncoded()), privateKey is not null)
    {
        _private = privateKey;
        _public = publicKey;
    }

    /// <summary>PKCS#8 and SPKI of the key whose 32-byte private key (RFC 8032 seed) is given.</summary>
    public static KeyPairMaterial FromSeed(ReadOnlySpan<byte> seed)
    {
        var key = new Ed25519PrivateKeyParameters(seed);
        var inner = new AsnWriter(AsnEncodingRules.DER);
        inner.WriteOctetString(seed);
        try
        {
            return new KeyPairMaterial(
                KeyDer.WritePkcs8(Oids.Ed25519, null, inner.Encode()),
                KeyDer.WriteSpki(Oids.Ed25519, null, key.GeneratePublicKey().GetEncoded()));
        }
        finally
        {
            inner.Reset();
        }
    }

    public static Ed25519Key FromPkcs8(ReadOnlySpan<byte> pkcs8)
    {
        var material = pkcs8.ToArray();
        try
        {
            var info = KeyDer.ReadPkcs8(material);
            if (info.Algorithm != Oids.Ed25519 || info.HasParameters)
            {
                throw new CryptographicException("The key is not an Ed25519 key.");
            }
            // RFC 8410: the PKCS#8 privateKey holds CurvePrivateKey, itself an OCTET STRING of the 32-byte seed.
            var privateKey = new Ed25519PrivateKeyParameters(ReadSeed(info.PrivateKey.Span));
            var publicKey = privateKey.GeneratePublicKey();
            if (info.PublicKey is { } stated && !stated.AsSpan().SequenceEqual(publicKey.GetEncoded()))
            {
                throw new CryptographicException("The PKCS#8 public key does not match the private key.");
            }
            return new Ed25519Key(privateKey, publicKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    public static Ed25519Key FromSpki(ReadOnlySpan<byte> spki)
    {
        var info = KeyDer.ReadSpki(spki.ToArray());
        if (info.Algorithm != Oids.Ed25519 || info.HasParameters || info.PublicKey.Length != Ed25519.PublicKeySize)
        {
            throw new CryptographicException("The public key is not an Ed25519 key.");
        }
        try
        {
            return new Ed25519Key(null, new Ed25519PublicKeyParameters(info.PublicKey));
        }
        catch (ArgumentException e)
        {
            throw new CryptographicException("The public key is not a point on Ed25519.", e);
        }
    }

    private protected override byte[] SignCore(SigningAlgorithm algorithm, MessageType messageType, ReadOnlySpan<byte> message)
    {
        var signature = new byte[Ed25519.SignatureSize];
        if (algorithm == SigningAlgorithm.ED25519_SHA_512)
        {
            _private!.Sign(Ed25519.Algorithm.Ed25519, null, message, signature);
        }
        else
        {
            _private!.Sign(Ed25519.Algorithm.Ed25519ph, [], PreHash(message), signature);
        }
        return signature;
    }

    private protected override bool VerifyCore(SigningAlgorithm algorithm, MessageType messageType, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != Ed25519.SignatureSize)
        {
            return false;
        }
        return algorithm == SigningAlgorithm.ED25519_SHA_512
            ? _public.Verify(Ed25519.Algorithm.Ed25519, null, message, signature)
            : _public.Verify(Ed25519.Algorithm.Ed25519ph, [], PreHash(message), signature);
    }

    private static ReadOnlySpan<byte> ReadSeed(ReadOnlySpan<byte> curvePrivateKey)
    {
        try
        {
            if (AsnDecoder.TryReadPrimitiveOctetString(curvePrivateKey, AsnEncodingRules.DER, out var seed, out var read)
                && read == curvePrivateKey.Length && seed.Length == SeedLength)
            {
                return seed;
            }
        }
        catch (AsnContentException)
        {
        }
        throw new CryptographicException("The Ed25519 private key is not a 32-byte OCTET STRING.");
    }

    // ED25519_PH_SHA_512 takes a 64-byte DIGEST and KMS still applies Ed25519ph's SHA-512 prehash to it, so the
    // caller's SHA-512(M) is hashed again: PH = SHA-512(digest). This follows the AWS behaviour digest (§4.3); it
    // is not observed against AWS [U]. A signature over PH = digest would be the other reading.
    private static byte[] PreHash(ReadOnlySpan<byte> digest) => SHA512.HashData(digest);

    private protected override void DisposeCore()
    {
        // BouncyCastle keeps the seed inside its key object; it becomes garbage with this instance.
    }
}
