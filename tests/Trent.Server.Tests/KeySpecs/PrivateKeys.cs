using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Trent.Server.Tests.KeySpecs;

/// <summary>Reads the secret parts out of a DER PKCS#8 private key, with .NET and ASN.1 (not with the server's code).</summary>
public static class PrivateKeys
{
    /// <summary>The PKCS#8 privateKey OCTET STRING's content.</summary>
    public static byte[] PrivateKeyField(byte[] pkcs8)
    {
        var info = new AsnReader(pkcs8, AsnEncodingRules.DER).ReadSequence();
        info.ReadInteger();
        info.ReadSequence();
        return info.ReadOctetString();
    }

    /// <summary>
    /// The values that must never be stored or logged in the clear: RSA's private exponent and primes, an EC or SM2
    /// private scalar, an Ed25519 or ML-DSA seed.
    /// </summary>
    public static IEnumerable<(string Name, byte[] Secret)> SecretParts(string spec, byte[] pkcs8)
    {
        switch (spec)
        {
            case "RSA_2048" or "RSA_3072" or "RSA_4096":
                using (var rsa = RSA.Create())
                {
                    rsa.ImportPkcs8PrivateKey(pkcs8, out _);
                    var p = rsa.ExportParameters(true);
                    return [("RSA d", p.D!), ("RSA p", p.P!), ("RSA q", p.Q!)];
                }
            case "ECC_NIST_P256" or "ECC_NIST_P384" or "ECC_NIST_P521" or "ECC_SECG_P256K1" or "SM2":
                return [("EC private scalar", EcScalar(pkcs8))];
            case "ECC_NIST_EDWARDS25519":
                // RFC 8410: CurvePrivateKey ::= OCTET STRING (the 32-byte seed).
                return [("Ed25519 seed", new AsnReader(PrivateKeyField(pkcs8), AsnEncodingRules.DER).ReadOctetString())];
            default:
                return [("ML-DSA seed", MlDsaSeed(pkcs8))];
        }
    }

    /// <summary>The scalar d of an RFC 5915 ECPrivateKey inside PKCS#8.</summary>
    public static byte[] EcScalar(byte[] pkcs8)
    {
        var ecPrivateKey = new AsnReader(PrivateKeyField(pkcs8), AsnEncodingRules.DER).ReadSequence();
        ecPrivateKey.ReadInteger();
        return ecPrivateKey.ReadOctetString();
    }

    /// <summary>The 32-byte seed of an ML-DSA private key in the seed form ([0] IMPLICIT OCTET STRING) or the both form.</summary>
    public static byte[] MlDsaSeed(byte[] pkcs8)
    {
        var field = new AsnReader(PrivateKeyField(pkcs8), AsnEncodingRules.DER);
        var tag = field.PeekTag();
        if (tag.HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
        {
            return field.ReadOctetString(new Asn1Tag(TagClass.ContextSpecific, 0));
        }
        var both = field.ReadSequence();
        return both.ReadOctetString();
    }
}
