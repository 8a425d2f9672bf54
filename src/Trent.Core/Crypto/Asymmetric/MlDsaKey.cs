using System.Formats.Asn1;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Trent.Core.Keys;

namespace Trent.Core.Crypto.Asymmetric;

/// <summary>
/// ML_DSA_44/65/87 (FIPS 204) with BouncyCastle (.NET's MLDsa needs OpenSSL 3.5): pure ML-DSA with the empty
/// context over the message (RAW) or over a caller-supplied μ (EXTERNAL_MU). The private key is kept and encoded as
/// its 32-byte seed (PKCS#8 <c>seed [0]</c> form), from which FIPS 204 expands the signing key. Key objects are
/// immutable and a signer is made per call, so one instance serves concurrent calls.
/// </summary>
internal sealed class MlDsaKey : AsymmetricKey
{
    private const int SeedLength = 32;
    private static readonly Asn1Tag SeedTag = new(TagClass.ContextSpecific, 0);

    private readonly MLDsaParameters _parameters;
    private readonly MLDsaPrivateKeyParameters? _private;
    private readonly MLDsaPublicKeyParameters _public;

    private MlDsaKey(KeySpec spec, MLDsaPrivateKeyParameters? privateKey, MLDsaPublicKeyParameters publicKey)
        : base(spec, KeyDer.WriteSpki(Oid(spec), null, publicKey.GetEncoded()), privateKey is not null)
    {
        _parameters = Parameters(spec);
        _private = privateKey;
        _public = publicKey;
    }

    /// <summary>
    /// The source of FIPS 204's per-signature 32 bytes rnd. Null (the default) draws fresh randomness: hedged
    /// signing, FIPS 204's default; whether AWS signs hedged or deterministically is not documented [U]. Tests
    /// set it to replay known-answer vectors.
    /// </summary>
    internal SecureRandom? SigningRandomness { get; set; }

    /// <summary>PKCS#8 (seed form) and SPKI of the key FIPS 204 derives from the 32-byte seed.</summary>
    public static KeyPairMaterial FromSeed(KeySpec spec, ReadOnlySpan<byte> seed)
    {
        var seedCopy = seed.ToArray();
        var inner = new AsnWriter(AsnEncodingRules.DER);
        try
        {
            var publicKey = MLDsaPrivateKeyParameters.FromSeed(Parameters(spec), seedCopy).GetPublicKeyEncoded();
            inner.WriteOctetString(seed, SeedTag);
            return new KeyPairMaterial(KeyDer.WritePkcs8(Oid(spec), null, inner.Encode()), KeyDer.WriteSpki(Oid(spec), null, publicKey));
        }
        finally
        {
            inner.Reset();
            CryptographicOperations.ZeroMemory(seedCopy);
        }
    }

    public static MlDsaKey FromPkcs8(KeySpec spec, ReadOnlySpan<byte> pkcs8)
    {
        var material = pkcs8.ToArray();
        byte[]? seed = null;
        try
        {
            var info = KeyDer.ReadPkcs8(material);
            if (info.Algorithm != Oid(spec) || info.HasParameters)
            {
                throw new CryptographicException($"The key is not an {spec} key.");
            }
            (seed, var expanded) = ReadPrivateKey(info.PrivateKey);
            var privateKey = MLDsaPrivateKeyParameters.FromSeed(Parameters(spec), seed);
            if (expanded is not null)
            {
                var derived = privateKey.GetEncoded();
                var same = CryptographicOperations.FixedTimeEquals(expanded.Value.Span, derived);
                CryptographicOperations.ZeroMemory(derived);
                if (!same)
                {
                    throw new CryptographicException("The ML-DSA expanded key does not match its seed.");
                }
            }
            return new MlDsaKey(spec, privateKey, privateKey.GetPublicKey());
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    public static MlDsaKey FromSpki(KeySpec spec, ReadOnlySpan<byte> spki)
    {
        var info = KeyDer.ReadSpki(spki.ToArray());
        if (info.Algorithm != Oid(spec) || info.HasParameters || info.PublicKey.Length != PublicKeyLength(spec))
        {
            throw new CryptographicException($"The public key is not an {spec} key.");
        }
        return new MlDsaKey(spec, null, MLDsaPublicKeyParameters.FromEncoding(Parameters(spec), info.PublicKey));
    }

    private protected override byte[] SignCore(SigningAlgorithm algorithm, MessageType messageType, ReadOnlySpan<byte> message)
    {
        ICipherParameters key = SigningRandomness is { } random ? new ParametersWithRandom(_private!, random) : _private!;
        var signer = messageType == MessageType.EXTERNAL_MU
            ? ExternalMuDigest.Signer(_parameters, true, key, message)
            : RawSigner(true, key, message);
        return signer.GenerateSignature();
    }

    private protected override bool VerifyCore(SigningAlgorithm algorithm, MessageType messageType, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        var verifier = messageType == MessageType.EXTERNAL_MU
            ? ExternalMuDigest.Signer(_parameters, false, _public, message)
            : RawSigner(false, _public, message);
        return verifier.VerifySignature(signature.ToArray());
    }

    private protected override void DisposeCore()
    {
        // BouncyCastle keeps the seed and expanded key inside its key object; they become garbage with this instance.
    }

    private MLDsaSigner RawSigner(bool forSigning, ICipherParameters key, ReadOnlySpan<byte> message)
    {
        // No ParametersWithContext: the context string is empty, as in KMS.
        var signer = new MLDsaSigner(_parameters, deterministic: false);
        signer.Init(forSigning, key);
        signer.BlockUpdate(message);
        return signer;
    }

    /// <summary>
    /// The ML-DSA-PrivateKey CHOICE of the IETF ML-DSA key profile: <c>seed [0]</c>, or <c>both</c> (seed and expanded key, which must
    /// agree). The expanded-key-only form is refused: Trent keeps and exports the seed.
    /// </summary>
    private static (byte[] Seed, ReadOnlyMemory<byte>? Expanded) ReadPrivateKey(ReadOnlyMemory<byte> choice) => KeyDer.Strict(() =>
    {
        var reader = new AsnReader(choice, AsnEncodingRules.DER);
        var tag = reader.PeekTag();
        byte[] seed;
        ReadOnlyMemory<byte>? expanded = null;
        if (tag.HasSameClassAndValue(SeedTag))
        {
            seed = reader.ReadOctetString(SeedTag);
        }
        else if (tag.HasSameClassAndValue(Asn1Tag.Sequence))
        {
            var both = reader.ReadSequence();
            seed = both.ReadOctetString();
            expanded = both.TryReadPrimitiveOctetString(out var e) ? e : throw new CryptographicException("Malformed ML-DSA private key.");
            both.ThrowIfNotEmpty();
        }
        else
        {
            throw new CryptographicException("The ML-DSA private key has no seed.");
        }
        reader.ThrowIfNotEmpty();
        if (seed.Length != SeedLength)
        {
            CryptographicOperations.ZeroMemory(seed);
            throw new CryptographicException("The ML-DSA seed is not 32 bytes.");
        }
        return (seed, expanded);
    });

    private static MLDsaParameters Parameters(KeySpec spec) => spec switch
    {
        KeySpec.ML_DSA_44 => MLDsaParameters.ml_dsa_44,
        KeySpec.ML_DSA_65 => MLDsaParameters.ml_dsa_65,
        KeySpec.ML_DSA_87 => MLDsaParameters.ml_dsa_87,
        _ => throw new ArgumentOutOfRangeException(nameof(spec)),
    };

    private static string Oid(KeySpec spec) => spec switch
    {
        KeySpec.ML_DSA_44 => Oids.MlDsa44,
        KeySpec.ML_DSA_65 => Oids.MlDsa65,
        KeySpec.ML_DSA_87 => Oids.MlDsa87,
        _ => throw new ArgumentOutOfRangeException(nameof(spec)),
    };

    private static int PublicKeyLength(KeySpec spec) => spec switch
    {
        KeySpec.ML_DSA_44 => 1312,
        KeySpec.ML_DSA_65 => 1952,
        _ => 2592,
    };
}
