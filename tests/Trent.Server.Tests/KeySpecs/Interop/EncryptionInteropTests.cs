using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Core.Tests.Interop;
using static Trent.Server.Tests.KeySpecs.KeySpecKit;

namespace Trent.Server.Tests.KeySpecs.Interop;

/// <summary>RSAES-OAEP and SM2PKE ciphertexts cross between Trent's API and OpenSSL in both directions.</summary>
[Collection(KeySpecCollection.Name)]
public sealed class EncryptionInteropTests(KeySpecServer fx)
{
    private static readonly byte[] Plaintext = "a 32-byte data key, or any text"u8.ToArray();

    [Theory]
    [InlineData("RSA_2048", "RSAES_OAEP_SHA_1", "sha1")]
    [InlineData("RSA_2048", "RSAES_OAEP_SHA_256", "sha256")]
    [InlineData("RSA_3072", "RSAES_OAEP_SHA_1", "sha1")]
    [InlineData("RSA_4096", "RSAES_OAEP_SHA_256", "sha256")]
    public async Task Openssl_RSA_OAEP_ciphertext_under_the_GetPublicKey_key_decrypts_in_Trent_and_Trent_ciphertext_in_openssl(string spec, string algorithm, string md)
    {
        var key = await fx.KeyAsync(spec, "ENCRYPT_DECRYPT");
        using var openssl = new OpenSsl();
        // OAEP with an empty label and MGF1 over the OAEP hash, as KMS uses.
        string[] oaep = ["-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt", "rsa_oaep_md:" + md, "-pkeyopt", "rsa_mgf1_md:" + md];

        openssl.Run(["pkeyutl", "-encrypt", "-pubin", "-inkey", openssl.PublicKey(await fx.PublicKeyAsync(key)), .. oaep,
            "-in", openssl.Write("pt.bin", Plaintext), "-out", openssl.PathOf("ct.bin")]);
        var decrypted = await fx.Kms.DecryptAsync(new DecryptRequest
        {
            KeyId = key.Arn,
            CiphertextBlob = Stream(openssl.Read("ct.bin")),
            EncryptionAlgorithm = new EncryptionAlgorithmSpec(algorithm),
        });
        Assert.Equal(Plaintext, Bytes(decrypted.Plaintext));

        var encrypted = await fx.Kms.EncryptAsync(new EncryptRequest { KeyId = key.Arn, Plaintext = Stream(Plaintext), EncryptionAlgorithm = new EncryptionAlgorithmSpec(algorithm) });
        openssl.Write("trent.bin", Bytes(encrypted.CiphertextBlob));
        openssl.Run(["pkeyutl", "-decrypt", "-inkey", openssl.PrivateKey(fx.PrivateMaterial(key)), .. oaep, "-in", openssl.PathOf("trent.bin"), "-out", openssl.PathOf("out.bin")]);
        Assert.Equal(Plaintext, openssl.Read("out.bin"));
    }

    [Fact]
    public async Task Openssl_SM2PKE_ciphertext_under_the_GetPublicKey_key_decrypts_in_Trent_and_Trent_ciphertext_in_openssl()
    {
        var key = await fx.KeyAsync("SM2", "ENCRYPT_DECRYPT");
        using var openssl = new OpenSsl();

        openssl.Run("pkeyutl", "-encrypt", "-pubin", "-inkey", openssl.PublicKey(await fx.PublicKeyAsync(key)), "-in", openssl.Write("pt.bin", Plaintext), "-out", openssl.PathOf("ct.bin"));
        var decrypted = await fx.China.DecryptAsync(new DecryptRequest { KeyId = key.Arn, CiphertextBlob = Stream(openssl.Read("ct.bin")), EncryptionAlgorithm = EncryptionAlgorithmSpec.SM2PKE });
        Assert.Equal(Plaintext, Bytes(decrypted.Plaintext));

        var encrypted = await fx.China.EncryptAsync(new EncryptRequest { KeyId = key.Arn, Plaintext = Stream(Plaintext), EncryptionAlgorithm = EncryptionAlgorithmSpec.SM2PKE });
        openssl.Write("trent.bin", Bytes(encrypted.CiphertextBlob));
        openssl.Run("pkeyutl", "-decrypt", "-inkey", openssl.PrivateKey(fx.PrivateMaterial(key)), "-in", openssl.PathOf("trent.bin"), "-out", openssl.PathOf("out.bin"));
        Assert.Equal(Plaintext, openssl.Read("out.bin"));
    }
}
