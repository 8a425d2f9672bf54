using System.Formats.Asn1;
using System.Numerics;
using Trent.Core.Crypto;
using Trent.Core.Crypto.Asymmetric;
using Trent.Core.Keys;
using Trent.Core.Tests.Asymmetric;

namespace Trent.Core.Tests.Interop;

/// <summary>OpenSSL reads Trent's key encodings, and ECDH agrees with OpenSSL's derivation.</summary>
public sealed class OpenSslKeyTests
{
    public static TheoryData<DataKeyPairSpec> DataKeyPairSpecs() => new(Enum.GetValues<DataKeyPairSpec>());

    [Theory]
    [MemberData(nameof(DataKeyPairSpecs))]
    public void Data_key_pair_private_key_parses_in_openssl_and_yields_the_same_public_key(DataKeyPairSpec spec)
    {
        var pair = KeyMaterialGenerator.GenerateDataKeyPair(spec, SystemRandomSource.Instance);
        using var openssl = new OpenSsl();
        openssl.Write("key.der", pair.PrivateKey);
        openssl.Run("pkey", "-inform", "DER", "-in", openssl.PathOf("key.der"), "-pubout", "-outform", "DER", "-out", openssl.PathOf("pub.der"));
        Assert.Equal(pair.PublicKey, openssl.Read("pub.der"));
        using var key = AsymmetricKey.Import(Enum.Parse<KeySpec>(spec.ToString()), pair.PrivateKey);
        Assert.Equal(pair.PublicKey, key.PublicKey.ToArray());
    }

    [Theory]
    [InlineData(KeySpec.RSA_2048)]
    [InlineData(KeySpec.RSA_3072)]
    [InlineData(KeySpec.RSA_4096)]
    [InlineData(KeySpec.ECC_NIST_P256)]
    [InlineData(KeySpec.ECC_NIST_P384)]
    [InlineData(KeySpec.ECC_NIST_P521)]
    [InlineData(KeySpec.ECC_SECG_P256K1)]
    [InlineData(KeySpec.ECC_NIST_EDWARDS25519)]
    [InlineData(KeySpec.SM2)]
    public void Get_public_key_encoding_is_the_canonical_spki_openssl_writes(KeySpec spec)
    {
        using var key = TestKeys.Key(spec);
        using var openssl = new OpenSsl();
        openssl.Write("in.der", key.PublicKey.ToArray());
        openssl.Run("pkey", "-pubin", "-inform", "DER", "-in", openssl.PathOf("in.der"), "-outform", "DER", "-out", openssl.PathOf("out.der"));
        Assert.Equal(key.PublicKey.ToArray(), openssl.Read("out.der"));
    }

    [Theory]
    [InlineData(KeySpec.ECC_NIST_P256, "P-256", 32)]
    [InlineData(KeySpec.ECC_NIST_P384, "P-384", 48)]
    [InlineData(KeySpec.ECC_NIST_P521, "P-521", 66)]
    public void Derived_shared_secret_equals_openssl_derivation_from_the_other_side(KeySpec spec, string curve, int length)
    {
        using var key = TestKeys.Key(spec);
        using var openssl = new OpenSsl();
        openssl.Run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:" + curve, "-out", openssl.PathOf("peer.pem"));
        openssl.Run("pkey", "-in", openssl.PathOf("peer.pem"), "-pubout", "-outform", "DER", "-out", openssl.PathOf("peer.der"));
        openssl.Run("pkeyutl", "-derive", "-inkey", openssl.PathOf("peer.pem"), "-peerkey", openssl.PublicKey(key.PublicKey.ToArray()), "-out", openssl.PathOf("secret.bin"));

        var secret = key.DeriveSharedSecret(openssl.Read("peer.der"));
        Assert.Equal(length, secret.Length);
        Assert.Equal(openssl.Read("secret.bin"), secret);
    }

    [Fact]
    public void Sm2_shared_secret_is_the_x_coordinate_openssl_computes_for_the_product_of_both_private_keys()
    {
        // OpenSSL 3.0's SM2 keys cannot derive. But d_a · Q_b = (d_a · d_b mod n) · G, and OpenSSL computes the
        // public point of any SM2 private scalar, so it yields the shared point without Trent or BouncyCastle.
        using var trent = TestKeys.Key(KeySpec.SM2);
        var peer = KeyMaterialGenerator.GenerateKeyPair(KeySpec.SM2, SystemRandomSource.Instance);
        var n = Unsigned(Convert.FromHexString(Sm2Reference.N));
        var product = Unsigned(Scalar(TestKeys.Pair(KeySpec.SM2).PrivateKey)) * Unsigned(Scalar(peer.PrivateKey)) % n;

        using var openssl = new OpenSsl();
        openssl.Write("product.der", Sm2Pkcs8(product.ToByteArray(isUnsigned: true, isBigEndian: true)));
        openssl.Run("pkey", "-inform", "DER", "-in", openssl.PathOf("product.der"), "-pubout", "-outform", "DER", "-out", openssl.PathOf("shared.der"));
        var sharedPoint = openssl.Read("shared.der")[^64..];
        Assert.Equal(sharedPoint[..32], trent.DeriveSharedSecret(peer.PublicKey));
    }

    private static BigInteger Unsigned(byte[] bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);

    /// <summary>The private scalar inside PKCS#8 { ..., OCTET STRING { ECPrivateKey { 1, OCTET STRING d, ... } } }.</summary>
    private static byte[] Scalar(byte[] pkcs8)
    {
        var info = new AsnReader(pkcs8, AsnEncodingRules.DER).ReadSequence();
        info.ReadInteger();
        info.ReadSequence();
        var ecPrivateKey = new AsnReader(info.ReadOctetString(), AsnEncodingRules.DER).ReadSequence();
        ecPrivateKey.ReadInteger();
        return ecPrivateKey.ReadOctetString();
    }

    private static byte[] Sm2Pkcs8(byte[] scalar)
    {
        var d = new byte[32];
        scalar.CopyTo(d, 32 - scalar.Length);
        var inner = new AsnWriter(AsnEncodingRules.DER);
        using (inner.PushSequence())
        {
            inner.WriteInteger(1);
            inner.WriteOctetString(d);
        }
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("1.2.840.10045.2.1");
                writer.WriteObjectIdentifier("1.2.156.10197.1.301");
            }
            writer.WriteOctetString(inner.Encode());
        }
        return writer.Encode();
    }
}
