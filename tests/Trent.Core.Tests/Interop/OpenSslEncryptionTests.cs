using Trent.Core.Keys;
using Trent.Core.Tests.Asymmetric;

namespace Trent.Core.Tests.Interop;

/// <summary>RSAES-OAEP and SM2PKE ciphertexts cross between Trent and OpenSSL in both directions.</summary>
public sealed class OpenSslEncryptionTests
{
    private static readonly byte[] Plaintext = "a 32-byte data key, or any text"u8.ToArray();

    [Theory]
    [InlineData(KeySpec.RSA_2048, EncryptionAlgorithm.RSAES_OAEP_SHA_1, "sha1")]
    [InlineData(KeySpec.RSA_2048, EncryptionAlgorithm.RSAES_OAEP_SHA_256, "sha256")]
    [InlineData(KeySpec.RSA_4096, EncryptionAlgorithm.RSAES_OAEP_SHA_256, "sha256")]
    public void Rsa_oaep_ciphertexts_decrypt_on_the_other_side(KeySpec spec, EncryptionAlgorithm algorithm, string md)
    {
        using var key = TestKeys.Key(spec);
        using var openssl = new OpenSsl();
        string[] oaep = ["-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt", "rsa_oaep_md:" + md, "-pkeyopt", "rsa_mgf1_md:" + md];

        openssl.Run(["pkeyutl", "-encrypt", "-pubin", "-inkey", openssl.PublicKey(key.PublicKey.ToArray()), .. oaep, "-in", openssl.Write("pt.bin", Plaintext), "-out", openssl.PathOf("ct.bin")]);
        Assert.Equal(Plaintext, key.Decrypt(algorithm, openssl.Read("ct.bin")));

        openssl.Write("trent.bin", key.Encrypt(algorithm, Plaintext));
        openssl.Run(["pkeyutl", "-decrypt", "-inkey", openssl.PrivateKey(TestKeys.Pair(spec).PrivateKey), .. oaep, "-in", openssl.PathOf("trent.bin"), "-out", openssl.PathOf("out.bin")]);
        Assert.Equal(Plaintext, openssl.Read("out.bin"));
    }

    [Fact]
    public void Sm2pke_ciphertexts_decrypt_on_the_other_side()
    {
        using var key = TestKeys.Key(KeySpec.SM2);
        using var openssl = new OpenSsl();

        openssl.Run("pkeyutl", "-encrypt", "-pubin", "-inkey", openssl.PublicKey(key.PublicKey.ToArray()), "-in", openssl.Write("pt.bin", Plaintext), "-out", openssl.PathOf("ct.bin"));
        Assert.Equal(Plaintext, key.Decrypt(EncryptionAlgorithm.SM2PKE, openssl.Read("ct.bin")));

        openssl.Write("trent.bin", key.Encrypt(EncryptionAlgorithm.SM2PKE, Plaintext));
        openssl.Run("pkeyutl", "-decrypt", "-inkey", openssl.PrivateKey(TestKeys.Pair(KeySpec.SM2).PrivateKey), "-in", openssl.PathOf("trent.bin"), "-out", openssl.PathOf("out.bin"));
        Assert.Equal(Plaintext, openssl.Read("out.bin"));
    }
}
