using System.Formats.Asn1;
using System.Numerics;

namespace Trent.Core.Crypto.Asymmetric;

/// <summary>
/// The SM2PKE ciphertext encoding: DER SEQUENCE { x INTEGER, y INTEGER, hash OCTET STRING (C3), ciphertext OCTET
/// STRING (C2) } (GM/T 0009 / GB/T 35276), which is what OpenSSL writes and reads. BouncyCastle's SM2Engine works on
/// the raw C1 ‖ C3 ‖ C2 concatenation (C1 = 04 ‖ x ‖ y), so this converts between the two. That AWS uses this DER
/// form rather than raw concatenation is our reading, not observed [U].
/// </summary>
internal static class Sm2Ciphertext
{
    private const int Coordinate = 32;
    private const int HashLength = 32;
    private const int PointLength = 1 + (2 * Coordinate);

    public static byte[] ToDer(ReadOnlySpan<byte> c1c3c2)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(new BigInteger(c1c3c2.Slice(1, Coordinate), isUnsigned: true, isBigEndian: true));
            writer.WriteInteger(new BigInteger(c1c3c2.Slice(1 + Coordinate, Coordinate), isUnsigned: true, isBigEndian: true));
            writer.WriteOctetString(c1c3c2.Slice(PointLength, HashLength));
            writer.WriteOctetString(c1c3c2[(PointLength + HashLength)..]);
        }
        return writer.Encode();
    }

    /// <summary>The raw C1 ‖ C3 ‖ C2 of a DER ciphertext, or null when it is not one.</summary>
    public static byte[]? FromDer(ReadOnlySpan<byte> der)
    {
        try
        {
            var outer = new AsnReader(der.ToArray(), AsnEncodingRules.DER);
            var sequence = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            var x = sequence.ReadInteger();
            var y = sequence.ReadInteger();
            var hash = sequence.ReadOctetString();
            var body = sequence.ReadOctetString();
            sequence.ThrowIfNotEmpty();
            if (hash.Length != HashLength || body.Length == 0)
            {
                return null;
            }
            var raw = new byte[PointLength + HashLength + body.Length];
            raw[0] = 0x04;
            if (!WriteCoordinate(x, raw.AsSpan(1, Coordinate)) || !WriteCoordinate(y, raw.AsSpan(1 + Coordinate, Coordinate)))
            {
                return null;
            }
            hash.CopyTo(raw, PointLength);
            body.CopyTo(raw, PointLength + HashLength);
            return raw;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    private static bool WriteCoordinate(BigInteger value, Span<byte> destination)
    {
        if (value.Sign < 0 || value.GetByteCount(isUnsigned: true) > Coordinate)
        {
            return false;
        }
        var length = value.GetByteCount(isUnsigned: true);
        return value.TryWriteBytes(destination[(Coordinate - length)..], out _, isUnsigned: true, isBigEndian: true);
    }
}
