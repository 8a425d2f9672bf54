using System.Security.Cryptography;

namespace Trent.Core.Crypto.Asymmetric;

/// <summary>
/// The SubjectPublicKeyInfo of an elliptic-curve key as KMS uses it: id-ecPublicKey, a named curve, an uncompressed
/// point. Reading is strict: compressed points, explicit curve parameters and other curves are refused.
/// </summary>
internal static class EcSpki
{
    public static (byte[] X, byte[] Y) Read(ReadOnlySpan<byte> spki, string curveOid, int fieldBytes)
    {
        var info = KeyDer.ReadSpki(spki.ToArray());
        var point = info.PublicKey;
        if (info.Algorithm != Oids.EcPublicKey || info.ParameterOid != curveOid
            || point.Length != 1 + (2 * fieldBytes) || point[0] != 0x04)
        {
            throw new CryptographicException("The public key is not an uncompressed point on the key's curve.");
        }
        return (point[1..(1 + fieldBytes)], point[(1 + fieldBytes)..]);
    }

    public static byte[] Write(string curveOid, ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        var point = new byte[1 + x.Length + y.Length];
        point[0] = 0x04;
        x.CopyTo(point.AsSpan(1));
        y.CopyTo(point.AsSpan(1 + x.Length));
        return KeyDer.WriteSpki(Oids.EcPublicKey, curveOid, point);
    }
}
