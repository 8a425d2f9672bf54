using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Trent.Core.Crypto.Asymmetric;

/// <summary>A parsed PKCS#8 PrivateKeyInfo; the memory slices point into the buffer that was parsed.</summary>
internal readonly record struct PrivateKeyInfo(
    string Algorithm, string? ParameterOid, bool HasParameters, ReadOnlyMemory<byte> PrivateKey, byte[]? PublicKey);

/// <summary>A parsed X.509 SubjectPublicKeyInfo.</summary>
internal readonly record struct PublicKeyInfo(string Algorithm, string? ParameterOid, bool HasParameters, byte[] PublicKey);

/// <summary>
/// DER SubjectPublicKeyInfo (RFC 5280) and PKCS#8 PrivateKeyInfo (RFC 5958) for the key types .NET cannot import
/// itself here (Ed25519, ML-DSA, SM2). Parsing is strict DER with no trailing bytes; every failure is a
/// CryptographicException.
/// </summary>
internal static class KeyDer
{
    private static readonly Asn1Tag Attributes = new(TagClass.ContextSpecific, 0);
    private static readonly Asn1Tag Pkcs8PublicKey = new(TagClass.ContextSpecific, 1);

    public static byte[] WriteSpki(string algorithm, string? parameterOid, ReadOnlySpan<byte> publicKey)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            WriteAlgorithm(writer, algorithm, parameterOid);
            writer.WriteBitString(publicKey);
        }
        return writer.Encode();
    }

    public static byte[] WritePkcs8(string algorithm, string? parameterOid, ReadOnlySpan<byte> privateKey)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        try
        {
            using (writer.PushSequence())
            {
                writer.WriteInteger(0);
                WriteAlgorithm(writer, algorithm, parameterOid);
                writer.WriteOctetString(privateKey);
            }
            return writer.Encode();
        }
        finally
        {
            // Reset zeroes the writer's buffer, which held the private key.
            writer.Reset();
        }
    }

    public static PrivateKeyInfo ReadPkcs8(ReadOnlyMemory<byte> der) => Strict(() =>
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER);
        var info = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        if (!info.TryReadInt32(out var version) || version is not (0 or 1))
        {
            throw new CryptographicException("Unsupported PKCS#8 version.");
        }
        var (algorithm, parameterOid, hasParameters) = ReadAlgorithm(info);
        if (!info.TryReadPrimitiveOctetString(out var privateKey))
        {
            throw new CryptographicException("PKCS#8 private key is not a primitive OCTET STRING.");
        }
        if (info.HasData && info.PeekTag().HasSameClassAndValue(Attributes))
        {
            info.ReadEncodedValue();
        }
        byte[]? publicKey = null;
        if (version == 1 && info.HasData && info.PeekTag().HasSameClassAndValue(Pkcs8PublicKey))
        {
            publicKey = ReadWholeBitString(info, Pkcs8PublicKey);
        }
        info.ThrowIfNotEmpty();
        return new PrivateKeyInfo(algorithm, parameterOid, hasParameters, privateKey, publicKey);
    });

    public static PublicKeyInfo ReadSpki(ReadOnlyMemory<byte> der) => Strict(() =>
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER);
        var spki = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        var (algorithm, parameterOid, hasParameters) = ReadAlgorithm(spki);
        var key = ReadWholeBitString(spki, Asn1Tag.PrimitiveBitString);
        spki.ThrowIfNotEmpty();
        return new PublicKeyInfo(algorithm, parameterOid, hasParameters, key);
    });

    /// <summary>Runs a parser, turning ASN.1 format errors into CryptographicException.</summary>
    public static T Strict<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (AsnContentException e)
        {
            throw new CryptographicException("Malformed DER key encoding.", e);
        }
    }

    private static void WriteAlgorithm(AsnWriter writer, string algorithm, string? parameterOid)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(algorithm);
            if (parameterOid is not null)
            {
                writer.WriteObjectIdentifier(parameterOid);
            }
        }
    }

    private static (string Algorithm, string? ParameterOid, bool HasParameters) ReadAlgorithm(AsnReader reader)
    {
        var sequence = reader.ReadSequence();
        var algorithm = sequence.ReadObjectIdentifier();
        string? parameterOid = null;
        var hasParameters = sequence.HasData;
        if (hasParameters && sequence.PeekTag().HasSameClassAndValue(Asn1Tag.ObjectIdentifier))
        {
            parameterOid = sequence.ReadObjectIdentifier();
        }
        else if (hasParameters)
        {
            sequence.ReadEncodedValue();
        }
        sequence.ThrowIfNotEmpty();
        return (algorithm, parameterOid, hasParameters);
    }

    private static byte[] ReadWholeBitString(AsnReader reader, Asn1Tag tag)
    {
        var bits = reader.ReadBitString(out var unusedBits, tag);
        return unusedBits == 0 ? bits : throw new CryptographicException("Key BIT STRING has unused bits.");
    }
}
