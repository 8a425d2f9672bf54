using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Harness;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Crypto;

public sealed class CryptoKeyStateTests
{
    [Theory]
    [MemberData(nameof(CryptoScenario.Operations), MemberType = typeof(CryptoScenario))]
    public async Task A_disabled_key_refuses_cryptography_with_DisabledException_until_enabled_again(string operation)
    {
        await using var server = await TrentServer.StartAsync();
        var scenario = await CryptoScenario.CreateAsync(server.Kms());
        await scenario.Kms.DisableKeyAsync(new DisableKeyRequest { KeyId = scenario.Key.KeyId });

        await ThrowsAsync<DisabledException>("DisabledException", $"{scenario.Key.Arn} is disabled.", () => scenario.RunAsync(operation));

        await scenario.Kms.EnableKeyAsync(new EnableKeyRequest { KeyId = scenario.Key.KeyId });
        await scenario.RunAsync(operation);
    }

    [Theory]
    [MemberData(nameof(CryptoScenario.Operations), MemberType = typeof(CryptoScenario))]
    public async Task A_key_pending_deletion_refuses_cryptography_with_KMSInvalidStateException(string operation)
    {
        await using var server = await TrentServer.StartAsync();
        var scenario = await CryptoScenario.CreateAsync(server.Kms());
        await scenario.Kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = scenario.Key.KeyId, PendingWindowInDays = 7 });

        await ThrowsAsync<KMSInvalidStateException>("KMSInvalidStateException", $"{scenario.Key.Arn} is pending deletion.",
            () => scenario.RunAsync(operation));
    }

    [Fact]
    public async Task A_ciphertext_of_a_disabled_key_decrypts_again_after_CancelKeyDeletion_and_EnableKey()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var blob = await kms.EncryptAsync(key.KeyId, "kept");
        await kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = key.KeyId, PendingWindowInDays = 7 });
        await kms.CancelKeyDeletionAsync(new CancelKeyDeletionRequest { KeyId = key.KeyId });

        await ThrowsAsync<DisabledException>("DisabledException", $"{key.Arn} is disabled.", () => kms.DecryptAsync(blob));
        await kms.EnableKeyAsync(new EnableKeyRequest { KeyId = key.KeyId });
        Assert.Equal("kept", Text((await kms.DecryptAsync(blob)).Plaintext));
    }
}
