using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Harness;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Crypto;

public sealed class DecryptCiphertextErrorTests
{
    [Fact]
    public async Task Decrypt_with_the_KeyId_of_another_key_returns_IncorrectKeyException()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var owner = await kms.CreateKeyAsync();
        var other = await kms.CreateKeyAsync();
        await kms.CreateAliasAsync(new CreateAliasRequest { AliasName = "alias/other", TargetKeyId = other.KeyId });
        var blob = await kms.EncryptAsync(owner.KeyId, "secret");

        foreach (var id in new[] { other.KeyId, other.Arn, "alias/other" })
        {
            await ThrowsAsync<IncorrectKeyException>("IncorrectKeyException", IncorrectKeyMessage,
                () => kms.DecryptAsync(blob, keyId: id));
        }
    }

    public static TheoryData<string, Dictionary<string, string>?> WrongContexts => new()
    {
        { "a different value", new() { ["purpose"] = "other", ["tenant"] = "acme" } },
        { "no context at all", null },
        { "an empty context", new() },
        { "a missing pair", new() { ["purpose"] = "test" } },
        { "an extra pair", new() { ["purpose"] = "test", ["tenant"] = "acme", ["extra"] = "x" } },
        { "a differently-cased key", new() { ["Purpose"] = "test", ["tenant"] = "acme" } },
        { "a differently-cased value", new() { ["purpose"] = "TEST", ["tenant"] = "acme" } },
    };

    [Theory]
    [MemberData(nameof(WrongContexts))]
    public async Task Decrypt_with_a_different_encryption_context_returns_InvalidCiphertextException(
        string difference, Dictionary<string, string>? context)
    {
        _ = difference; // names the case in the test output
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var blob = await kms.EncryptAsync(key.KeyId, "bound", new() { ["purpose"] = "test", ["tenant"] = "acme" });

        await InvalidCiphertextAsync(() => kms.DecryptAsync(blob, context));
        await InvalidCiphertextAsync(() => kms.DecryptAsync(blob, context, key.KeyId));
    }

    [Fact]
    public async Task Decrypt_with_a_context_when_none_was_used_returns_InvalidCiphertextException()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var blob = await kms.EncryptAsync(key.KeyId, "unbound");

        await InvalidCiphertextAsync(() => kms.DecryptAsync(blob, new() { ["purpose"] = "test" }));
    }

    [Fact]
    public async Task Decrypt_of_a_ciphertext_with_a_flipped_bit_returns_InvalidCiphertextException()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var blob = (await kms.EncryptAsync(key.KeyId, "tamper with me")).ToArray();
        // Format byte, material id, nonce, IV, ciphertext body and tag: every region after the key's name.
        var header = 1 + 12 + 1 + key.KeyId.Length;
        var positions = new[] { 0, header, header + 31, header + 32, header + 63, header + 64, header + 75, header + 76, blob.Length - 17, blob.Length - 1 };

        foreach (var position in positions)
        {
            var tampered = (byte[])blob.Clone();
            tampered[position] ^= 0x01;
            await InvalidCiphertextAsync(() => kms.DecryptAsync(Stream(tampered)));
        }
    }

    [Fact]
    public async Task Decrypt_of_a_truncated_ciphertext_returns_InvalidCiphertextException()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var blob = (await kms.EncryptAsync(key.KeyId, "cut me short")).ToArray();

        foreach (var length in new[] { blob.Length - 1, blob.Length - 16, 1 + 12 + 1 + key.KeyId.Length + 76, 20, 1 })
        {
            await InvalidCiphertextAsync(() => kms.DecryptAsync(Stream(blob[..length])));
            await InvalidCiphertextAsync(() => kms.DecryptAsync(Stream(blob[..length]), keyId: key.KeyId));
        }
    }

    [Fact]
    public async Task Decrypt_of_random_bytes_returns_InvalidCiphertextException()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var random = RandomBytes(200);
        random[0] = 0xA7;

        await InvalidCiphertextAsync(() => kms.DecryptAsync(Stream(random)));
        await InvalidCiphertextAsync(() => kms.DecryptAsync(Stream(random), keyId: key.KeyId));
    }

    [Fact]
    public async Task Decrypt_of_a_ciphertext_whose_key_was_deleted_returns_AccessDeniedException()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var blob = await kms.EncryptAsync(key.KeyId, "orphaned");
        await kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = key.KeyId, PendingWindowInDays = 7 });
        server.Clock.Advance(TimeSpan.FromDays(8));
        await server.RunMaintenanceAsync();

        await AccessDeniedAsync(UnknownKeyMessage, () => kms.DecryptAsync(blob));
        await ThrowsAsync<NotFoundException>("NotFoundException", $"Key '{key.Arn}' does not exist",
            () => kms.DecryptAsync(blob, keyId: key.KeyId));
    }

    [Fact]
    public async Task Decrypt_in_another_region_fails_as_AWS_does()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var blob = await kms.EncryptAsync(key.KeyId, "regional");
        var europe = server.Kms("eu-west-1");

        await AccessDeniedAsync(UnknownKeyMessage, () => europe.DecryptAsync(blob));
        await ThrowsAsync<NotFoundException>("NotFoundException", "Invalid arn us-east-1",
            () => europe.DecryptAsync(blob, keyId: key.Arn));
        await ThrowsAsync<NotFoundException>("NotFoundException", $"Key 'arn:aws:kms:eu-west-1:{key.AWSAccountId}:key/{key.KeyId}' does not exist",
            () => europe.DecryptAsync(blob, keyId: key.KeyId));
        Assert.Equal("regional", Text((await kms.DecryptAsync(blob)).Plaintext));
    }

    [Fact]
    public async Task Decrypt_with_an_unknown_KeyId_returns_NotFoundException()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var blob = await kms.EncryptAsync(key.KeyId, "secret");

        await ThrowsAsync<NotFoundException>("NotFoundException", $"Alias arn:aws:kms:us-east-1:{key.AWSAccountId}:alias/missing is not found.",
            () => kms.DecryptAsync(blob, keyId: "alias/missing"));
        await ThrowsAsync<NotFoundException>("NotFoundException", "Invalid keyId 'not-a-key'",
            () => kms.DecryptAsync(blob, keyId: "not-a-key"));
    }
}
