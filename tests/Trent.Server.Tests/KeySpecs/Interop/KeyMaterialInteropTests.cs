using System.Formats.Asn1;
using System.Numerics;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Core.Tests.Interop;
using static Trent.Server.Tests.KeySpecs.KeySpecKit;

namespace Trent.Server.Tests.KeySpecs.Interop;

/// <summary>
/// DeriveSharedSecret agrees with OpenSSL's derivation, data key pairs parse in OpenSSL, and HMAC tags are OpenSSL's
/// HMAC with the stored key.
/// </summary>
[Collection(KeySpecCollection.Name)]
public sealed class KeyMaterialInteropTests(KeySpecServer fx)
{
    public static TheoryData<string> PairSpecs() => new(DataKeyPairSpecs);

    [Theory]
    [InlineData("ECC_NIST_P256", "P-256", 32)]
    [InlineData("ECC_NIST_P384", "P-384", 48)]
    [InlineData("ECC_NIST_P521", "P-521", 66)]
    public async Task DeriveSharedSecret_equals_what_openssl_derives_from_the_other_side(string spec, string curve, int length)
    {
        var key = await fx.KeyAsync(spec, "KEY_AGREEMENT");
        using var openssl = new OpenSsl();
        openssl.Run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:" + curve, "-out", openssl.PathOf("peer.pem"));
        openssl.Run("pkey", "-in", openssl.PathOf("peer.pem"), "-pubout", "-outform", "DER", "-out", openssl.PathOf("peer.der"));
        openssl.Run("pkeyutl", "-derive", "-inkey", openssl.PathOf("peer.pem"), "-peerkey", openssl.PublicKey(await fx.PublicKeyAsync(key)), "-out", openssl.PathOf("secret.bin"));

        var secret = Bytes((await fx.Kms.DeriveSharedSecretAsync(new DeriveSharedSecretRequest
        {
            KeyId = key.Arn,
            KeyAgreementAlgorithm = KeyAgreementAlgorithmSpec.ECDH,
            PublicKey = Stream(openssl.Read("peer.der")),
        })).SharedSecret);

        Assert.Equal(length, secret.Length);
        Assert.Equal(openssl.Read("secret.bin"), secret);
    }

    [Fact]
    public async Task SM2_DeriveSharedSecret_is_the_x_coordinate_openssl_computes_for_the_product_of_both_private_keys()
    {
        // OpenSSL 3.0's SM2 keys cannot derive. But d_a · Q_b = (d_a · d_b mod n) · G, and OpenSSL computes the public
        // point of any SM2 private scalar, so it yields the shared point without Trent or BouncyCastle.
        var key = await fx.KeyAsync("SM2", "KEY_AGREEMENT");
        using var openssl = new OpenSsl();
        openssl.Run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", openssl.PathOf("peer.pem"));
        openssl.Run("pkcs8", "-topk8", "-nocrypt", "-in", openssl.PathOf("peer.pem"), "-outform", "DER", "-out", openssl.PathOf("peer-key.der"));
        openssl.Run("pkey", "-in", openssl.PathOf("peer.pem"), "-pubout", "-outform", "DER", "-out", openssl.PathOf("peer.der"));
        var n = Unsigned(Convert.FromHexString(Sm2Reference.N));
        var product = Unsigned(PrivateKeys.EcScalar(fx.PrivateMaterial(key))) * Unsigned(PrivateKeys.EcScalar(openssl.Read("peer-key.der"))) % n;
        openssl.Write("product.der", Sm2Pkcs8(product.ToByteArray(isUnsigned: true, isBigEndian: true)));
        openssl.Run("pkey", "-inform", "DER", "-in", openssl.PathOf("product.der"), "-pubout", "-outform", "DER", "-out", openssl.PathOf("shared.der"));

        var secret = Bytes((await fx.China.DeriveSharedSecretAsync(new DeriveSharedSecretRequest
        {
            KeyId = key.Arn,
            KeyAgreementAlgorithm = KeyAgreementAlgorithmSpec.ECDH,
            PublicKey = Stream(openssl.Read("peer.der")),
        })).SharedSecret);

        Assert.Equal(openssl.Read("shared.der")[^64..^32], secret);
    }

    [Theory]
    [MemberData(nameof(PairSpecs))]
    public async Task Data_key_pair_private_keys_parse_in_openssl_and_yield_the_returned_public_key(string spec)
    {
        var pair = await fx.DataKeyPairAsync(spec);
        var hidden = await fx.DataKeyPairWithoutPlaintextAsync(spec);
        var hiddenPrivateKey = Bytes((await fx.For(spec).DecryptAsync(new DecryptRequest
        {
            CiphertextBlob = Stream(Bytes(hidden.PrivateKeyCiphertextBlob)),
            EncryptionContext = KeySpecServer.DataKeyPairContext,
        })).Plaintext);
        using var openssl = new OpenSsl();

        foreach (var (privateKey, publicKey) in new[] { (Bytes(pair.PrivateKeyPlaintext), Bytes(pair.PublicKey)), (hiddenPrivateKey, Bytes(hidden.PublicKey)) })
        {
            openssl.Write("key.der", privateKey);
            openssl.Run("pkey", "-inform", "DER", "-in", openssl.PathOf("key.der"), "-check", "-noout");
            openssl.Run("pkey", "-inform", "DER", "-in", openssl.PathOf("key.der"), "-pubout", "-outform", "DER", "-out", openssl.PathOf("pub.der"));
            Assert.Equal(publicKey, openssl.Read("pub.der"));
            // OpenSSL writes the same public key again: the encoding is canonical.
            openssl.Run("pkey", "-pubin", "-inform", "DER", "-in", openssl.PathOf("pub.der"), "-outform", "DER", "-out", openssl.PathOf("again.der"));
            Assert.Equal(publicKey, openssl.Read("again.der"));
        }
    }

    [Theory]
    [InlineData("HMAC_224", "HMAC_SHA_224", "sha224")]
    [InlineData("HMAC_256", "HMAC_SHA_256", "sha256")]
    [InlineData("HMAC_384", "HMAC_SHA_384", "sha384")]
    [InlineData("HMAC_512", "HMAC_SHA_512", "sha512")]
    public async Task GenerateMac_is_openssl_HMAC_with_the_key_secret_unsealed_from_the_data_directory(string spec, string algorithm, string digest)
    {
        var key = await fx.KeyAsync(spec, "GENERATE_VERIFY_MAC");
        var secret = fx.PrivateMaterial(key);
        using var openssl = new OpenSsl();
        openssl.Run("dgst", "-" + digest, "-mac", "HMAC", "-macopt", "hexkey:" + Hex(secret), "-binary", "-out", openssl.PathOf("mac.bin"), openssl.Write("msg.bin", Message));

        var mac = await fx.Kms.GenerateMacAsync(new GenerateMacRequest { KeyId = key.Arn, MacAlgorithm = new MacAlgorithmSpec(algorithm), Message = Stream(Message) });

        Assert.Equal(openssl.Read("mac.bin"), Bytes(mac.Mac));
        // [U] AWS does not publish the length of the HMAC keys it generates; Trent makes them as long as the hash.
        Assert.Equal(Bytes(mac.Mac).Length, secret.Length);
    }

    private static BigInteger Unsigned(byte[] bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);

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
