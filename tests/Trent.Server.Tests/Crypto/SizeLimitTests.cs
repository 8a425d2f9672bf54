using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Harness;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Crypto;

public sealed class SizeLimitTests
{
    [Fact]
    public async Task Encrypt_of_an_empty_plaintext_returns_the_model_ValidationException_without_the_value()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();

        await ValidationAsync(
            "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length greater than or equal to 1",
            () => kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = Stream([]) }));
    }

    [Fact]
    public async Task Encrypt_of_4097_bytes_returns_the_model_ValidationException_without_the_value()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();

        await ValidationAsync(
            "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096",
            () => kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = Stream(RandomBytes(4097)) }));
    }

    [Fact]
    public async Task Encrypt_without_KeyId_or_Plaintext_lists_both_missing_members()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();

        await ValidationAsync(
            "2 validation errors detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null; " +
            "Value null at 'plaintext' failed to satisfy constraint: Member must not be null",
            () => kms.EncryptAsync(new EncryptRequest()));
    }

    [Fact]
    public async Task Decrypt_of_an_empty_or_oversized_ciphertext_returns_the_model_ValidationException()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();

        await ValidationAsync(
            "1 validation error detected: Value at 'ciphertextBlob' failed to satisfy constraint: Member must have length greater than or equal to 1",
            () => kms.DecryptAsync(Stream([])));
        await ValidationAsync(
            "1 validation error detected: Value at 'ciphertextBlob' failed to satisfy constraint: Member must have length less than or equal to 6144",
            () => kms.DecryptAsync(Stream(RandomBytes(6145))));
    }

    [Fact]
    public async Task Decrypt_without_a_ciphertext_returns_ValidationException_because_only_a_dry_run_may_omit_it()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();

        await ValidationAsync(
            "CiphertextBlob is required.",
            () => kms.DecryptAsync(new DecryptRequest { KeyId = key.KeyId }));
    }

    [Fact]
    public async Task ReEncrypt_without_a_ciphertext_returns_ValidationException_because_only_a_dry_run_may_omit_it()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();

        await ValidationAsync(
            "CiphertextBlob is required.",
            () => kms.ReEncryptAsync(new ReEncryptRequest { SourceKeyId = key.KeyId, DestinationKeyId = key.KeyId }));
    }

    [Fact]
    public async Task An_encryption_context_over_8192_canonical_bytes_returns_ValidationException()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var huge = new Dictionary<string, string> { ["blob"] = new string('x', 8192) };

        await ValidationAsync("The encryption context exceeds the maximum size of 8192 bytes.",
            () => kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = Utf8("x"), EncryptionContext = huge }));
        await ValidationAsync("The encryption context exceeds the maximum size of 8192 bytes.",
            () => kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId, KeySpec = "AES_256", EncryptionContext = huge }));
    }
}
