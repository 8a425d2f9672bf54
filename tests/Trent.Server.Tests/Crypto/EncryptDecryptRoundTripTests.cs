using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Harness;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Crypto;

public sealed class EncryptDecryptRoundTripTests
{
    [Theory]
    [MemberData(nameof(KeyForms.All), MemberType = typeof(KeyForms))]
    public async Task Encrypt_and_Decrypt_accept_every_key_identifier_form_and_answer_with_the_key_ARN(string form)
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var id = await KeyForms.IdentifierAsync(kms, key, form);

        var encrypted = await kms.EncryptAsync(new EncryptRequest { KeyId = id, Plaintext = Utf8("round trip via " + form) });
        var decrypted = await kms.DecryptAsync(encrypted.CiphertextBlob, keyId: id);

        Assert.Equal(key.Arn, encrypted.KeyId);
        Assert.Equal(SymmetricDefault, encrypted.EncryptionAlgorithm.Value);
        Assert.Equal("round trip via " + form, Text(decrypted.Plaintext));
        Assert.Equal(key.Arn, decrypted.KeyId);
        Assert.Equal(SymmetricDefault, decrypted.EncryptionAlgorithm.Value);
        Assert.Equal(key.CurrentKeyMaterialId, decrypted.KeyMaterialId);
    }

    [Fact]
    public async Task Decrypt_without_KeyId_finds_the_key_in_the_ciphertext()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var first = await kms.CreateKeyAsync();
        var second = await kms.CreateKeyAsync();
        var underFirst = await kms.EncryptAsync(first.KeyId, "first secret");
        var underSecond = await kms.EncryptAsync(second.KeyId, "second secret");

        var a = await kms.DecryptAsync(underFirst);
        var b = await kms.DecryptAsync(underSecond);

        Assert.Equal(("first secret", first.Arn, first.CurrentKeyMaterialId), (Text(a.Plaintext), a.KeyId, a.KeyMaterialId));
        Assert.Equal(("second secret", second.Arn, second.CurrentKeyMaterialId), (Text(b.Plaintext), b.KeyId, b.KeyMaterialId));
    }

    [Fact]
    public async Task Explicit_SYMMETRIC_DEFAULT_algorithm_is_accepted_and_echoed()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();

        var encrypted = await kms.EncryptAsync(new EncryptRequest
        {
            KeyId = key.KeyId,
            Plaintext = Utf8("explicit algorithm"),
            EncryptionAlgorithm = SymmetricDefault,
        });
        var decrypted = await kms.DecryptAsync(new DecryptRequest
        {
            CiphertextBlob = encrypted.CiphertextBlob,
            EncryptionAlgorithm = SymmetricDefault,
        });

        Assert.Equal(SymmetricDefault, encrypted.EncryptionAlgorithm.Value);
        Assert.Equal(SymmetricDefault, decrypted.EncryptionAlgorithm.Value);
        Assert.Equal("explicit algorithm", Text(decrypted.Plaintext));
    }

    [Fact]
    public async Task Encrypt_with_an_RSA_algorithm_on_a_symmetric_key_returns_InvalidKeyUsageException()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();

        await ThrowsAsync<InvalidKeyUsageException>("InvalidKeyUsageException",
            "Algorithm RSAES_OAEP_SHA_256 is incompatible with key spec SYMMETRIC_DEFAULT.",
            () => kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = Utf8("x"), EncryptionAlgorithm = "RSAES_OAEP_SHA_256" }));
    }

    [Fact]
    public async Task Encryption_context_order_does_not_matter_and_an_empty_context_equals_none()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var withContext = await kms.EncryptAsync(key.KeyId, "bound", new() { ["purpose"] = "test", ["tenant"] = "ünïcødé ✓" });
        var withEmpty = await kms.EncryptAsync(key.KeyId, "unbound", []);

        var reordered = await kms.DecryptAsync(withContext, new() { ["tenant"] = "ünïcødé ✓", ["purpose"] = "test" });
        var absent = await kms.DecryptAsync(withEmpty);
        var emptyOnDecrypt = await kms.DecryptAsync(await kms.EncryptAsync(key.KeyId, "none"), []);

        Assert.Equal("bound", Text(reordered.Plaintext));
        Assert.Equal("unbound", Text(absent.Plaintext));
        Assert.Equal("none", Text(emptyOnDecrypt.Plaintext));
    }

    [Fact]
    public async Task Encrypting_the_same_plaintext_twice_gives_different_ciphertexts()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();

        var first = await kms.EncryptAsync(key.KeyId, "same");
        var second = await kms.EncryptAsync(key.KeyId, "same");

        Assert.NotEqual(first.ToArray(), second.ToArray());
        Assert.Equal("same", Text((await kms.DecryptAsync(second)).Plaintext));
    }

    [Fact]
    public async Task Binary_plaintexts_of_1_and_4096_bytes_round_trip()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();

        foreach (var size in new[] { 1, 4096 })
        {
            var plaintext = RandomBytes(size);
            var blob = (await kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = Stream(plaintext) })).CiphertextBlob;
            var decrypted = await kms.DecryptAsync(blob);
            Assert.Equal(plaintext, decrypted.Plaintext.ToArray());
        }
    }
}
