using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities;

namespace Trent.Core.Crypto.Asymmetric;

/// <summary>
/// SM2 signatures (GB/T 32918.2) over the value e, with BouncyCastle's curve arithmetic. BouncyCastle's SM2Signer
/// always computes e = SM3(Z ‖ M) itself, but KMS's DIGEST MessageType hands over e, so signing starts from e here.
/// Signatures are DER SEQUENCE { r, s }. Interop tests check both directions against OpenSSL and SM2Signer.
/// </summary>
internal static class Sm2Dsa
{
    /// <summary>The distinguishing identifier KMS uses: GB/T 35276's default.</summary>
    public static ReadOnlySpan<byte> DefaultUserId => "1234567812345678"u8;

    /// <summary>Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA), which binds a signature to the signer's key and identity.</summary>
    public static byte[] UserHash(ECDomainParameters domain, ECPoint publicKey, ReadOnlySpan<byte> userId)
    {
        var sm3 = new SM3Digest();
        var bits = userId.Length * 8;
        sm3.Update((byte)(bits >> 8));
        sm3.Update((byte)bits);
        sm3.BlockUpdate(userId);
        var q = publicKey.Normalize();
        foreach (var element in new[] { domain.Curve.A, domain.Curve.B, domain.G.AffineXCoord, domain.G.AffineYCoord, q.AffineXCoord, q.AffineYCoord })
        {
            sm3.BlockUpdate(element.GetEncoded());
        }
        var z = new byte[sm3.GetDigestSize()];
        sm3.DoFinal(z);
        return z;
    }

    /// <summary>e = SM3(Z ‖ M): what a RAW message is signed as.</summary>
    public static byte[] MessageHash(ReadOnlySpan<byte> userHash, ReadOnlySpan<byte> message)
    {
        var sm3 = new SM3Digest();
        sm3.BlockUpdate(userHash);
        sm3.BlockUpdate(message);
        var e = new byte[sm3.GetDigestSize()];
        sm3.DoFinal(e);
        return e;
    }

    public static byte[] Sign(ECDomainParameters domain, BigInteger d, ReadOnlySpan<byte> e, SecureRandom random)
    {
        var n = domain.N;
        var eValue = new BigInteger(1, e.ToArray());
        var inverse = BigIntegers.ModOddInverse(n, d.Add(BigInteger.One));
        var nonces = new RandomDsaKCalculator();
        nonces.Init(n, random);
        var multiplier = new FixedPointCombMultiplier();
        while (true)
        {
            var k = nonces.NextK();
            var x1 = multiplier.Multiply(domain.G, k).Normalize().AffineXCoord.ToBigInteger();
            var r = eValue.Add(x1).Mod(n);
            if (r.SignValue == 0 || r.Add(k).Equals(n))
            {
                continue;
            }
            // s = (1 + d)^-1 · (k − r·d) mod n
            var s = inverse.Multiply(k.Subtract(r.Multiply(d)).Mod(n)).Mod(n);
            if (s.SignValue != 0)
            {
                return StandardDsaEncoding.Instance.Encode(n, r, s);
            }
        }
    }

    public static bool Verify(ECDomainParameters domain, ECPoint publicKey, ReadOnlySpan<byte> e, ReadOnlySpan<byte> signature)
    {
        var n = domain.N;
        BigInteger r, s;
        try
        {
            // Decode accepts only the canonical DER encoding with 0 < r, s < n.
            var rs = StandardDsaEncoding.Instance.Decode(n, signature.ToArray());
            (r, s) = (rs[0], rs[1]);
        }
        catch (ArgumentException)
        {
            return false;
        }
        if (r.SignValue <= 0 || r.CompareTo(n) >= 0 || s.SignValue <= 0 || s.CompareTo(n) >= 0)
        {
            return false;
        }
        var t = r.Add(s).Mod(n);
        if (t.SignValue == 0)
        {
            return false;
        }
        var point = ECAlgorithms.SumOfTwoMultiplies(domain.G, s, publicKey, t).Normalize();
        return !point.IsInfinity && new BigInteger(1, e.ToArray()).Add(point.AffineXCoord.ToBigInteger()).Mod(n).Equals(r);
    }
}
