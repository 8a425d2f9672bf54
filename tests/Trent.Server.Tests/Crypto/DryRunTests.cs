using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Harness;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Crypto;

public sealed class DryRunTests
{
    private static readonly List<string> IgnoreCiphertext = ["IGNORE_CIPHERTEXT"];

    [Theory]
    [MemberData(nameof(CryptoScenario.Operations), MemberType = typeof(CryptoScenario))]
    public async Task DryRun_of_a_call_that_would_succeed_returns_DryRunOperationException(string operation)
    {
        await using var server = await TrentServer.StartAsync();
        var scenario = await CryptoScenario.CreateAsync(server.Kms());

        await ThrowsAsync<DryRunOperationException>("DryRunOperationException", DryRunMessage, () => scenario.RunAsync(operation, dryRun: true));
        await scenario.RunAsync(operation, dryRun: false);
    }

    [Theory]
    [MemberData(nameof(CryptoScenario.Operations), MemberType = typeof(CryptoScenario))]
    public async Task DryRun_on_a_disabled_key_returns_the_real_error(string operation)
    {
        await using var server = await TrentServer.StartAsync();
        var scenario = await CryptoScenario.CreateAsync(server.Kms());
        await scenario.Kms.DisableKeyAsync(new DisableKeyRequest { KeyId = scenario.Key.KeyId });

        await ThrowsAsync<DisabledException>("DisabledException", $"{scenario.Key.Arn} is disabled.", () => scenario.RunAsync(operation, dryRun: true));
    }

    [Fact]
    public async Task DryRun_Decrypt_checks_the_ciphertext_and_its_context()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var blob = (await kms.EncryptAsync(key.KeyId, "dry", new() { ["k"] = "v" })).ToArray();
        var tampered = (byte[])blob.Clone();
        tampered[^3] ^= 0x10;

        await InvalidCiphertextAsync(() => kms.DecryptAsync(new DecryptRequest
        {
            CiphertextBlob = Stream(blob),
            EncryptionContext = new() { ["k"] = "other" },
            DryRun = true,
        }));
        await InvalidCiphertextAsync(() => kms.DecryptAsync(new DecryptRequest
        {
            CiphertextBlob = Stream(tampered),
            EncryptionContext = new() { ["k"] = "v" },
            DryRun = true,
        }));
        await ThrowsAsync<DryRunOperationException>("DryRunOperationException", DryRunMessage, () => kms.DecryptAsync(new DecryptRequest
        {
            CiphertextBlob = Stream(blob),
            EncryptionContext = new() { ["k"] = "v" },
            DryRun = true,
        }));
    }

    [Fact]
    public async Task DryRun_ReEncrypt_checks_the_source_ciphertext()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var blob = await kms.EncryptAsync(key.KeyId, "dry", new() { ["k"] = "v" });

        await InvalidCiphertextAsync(() => kms.ReEncryptAsync(new ReEncryptRequest
        {
            CiphertextBlob = Copy(blob),
            DestinationKeyId = key.KeyId,
            DryRun = true,
        }));
    }

    [Fact]
    public async Task DryRun_Decrypt_with_IGNORE_CIPHERTEXT_checks_only_the_key()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();

        await ThrowsAsync<DryRunOperationException>("DryRunOperationException", DryRunMessage,
            () => kms.DecryptAsync(new DecryptRequest { KeyId = key.KeyId, DryRun = true, DryRunModifiers = IgnoreCiphertext }));
        await ThrowsAsync<DryRunOperationException>("DryRunOperationException", DryRunMessage,
            () => kms.DecryptAsync(new DecryptRequest
            {
                CiphertextBlob = Stream(RandomBytes(64)),
                KeyId = key.Arn,
                DryRun = true,
                DryRunModifiers = IgnoreCiphertext,
            }));
        await ValidationAsync("KeyId is required when DryRunModifiers contains IGNORE_CIPHERTEXT.",
            () => kms.DecryptAsync(new DecryptRequest { DryRun = true, DryRunModifiers = IgnoreCiphertext }));

        await kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });
        await ThrowsAsync<DisabledException>("DisabledException", $"{key.Arn} is disabled.",
            () => kms.DecryptAsync(new DecryptRequest { KeyId = key.KeyId, DryRun = true, DryRunModifiers = IgnoreCiphertext }));
    }

    [Fact]
    public async Task DryRun_ReEncrypt_with_IGNORE_CIPHERTEXT_checks_only_the_keys()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var source = await kms.CreateKeyAsync();
        var destination = await kms.CreateKeyAsync();

        await ThrowsAsync<DryRunOperationException>("DryRunOperationException", DryRunMessage,
            () => kms.ReEncryptAsync(new ReEncryptRequest
            {
                SourceKeyId = source.KeyId,
                DestinationKeyId = destination.KeyId,
                DryRun = true,
                DryRunModifiers = IgnoreCiphertext,
            }));
        await ValidationAsync("SourceKeyId is required when DryRunModifiers contains IGNORE_CIPHERTEXT.",
            () => kms.ReEncryptAsync(new ReEncryptRequest { DestinationKeyId = destination.KeyId, DryRun = true, DryRunModifiers = IgnoreCiphertext }));

        await kms.DisableKeyAsync(new DisableKeyRequest { KeyId = destination.KeyId });
        await ThrowsAsync<DisabledException>("DisabledException", $"{destination.Arn} is disabled.",
            () => kms.ReEncryptAsync(new ReEncryptRequest
            {
                SourceKeyId = source.KeyId,
                DestinationKeyId = destination.KeyId,
                DryRun = true,
                DryRunModifiers = IgnoreCiphertext,
            }));
    }

    [Fact]
    public async Task IGNORE_CIPHERTEXT_without_DryRun_still_needs_a_valid_ciphertext()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();

        await InvalidCiphertextAsync(() => kms.DecryptAsync(new DecryptRequest
        {
            CiphertextBlob = Stream(RandomBytes(64)),
            KeyId = key.KeyId,
            DryRunModifiers = IgnoreCiphertext,
        }));
    }
}
