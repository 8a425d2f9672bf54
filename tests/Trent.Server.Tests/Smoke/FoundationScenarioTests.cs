using System.Text;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Harness;

namespace Trent.Server.Tests.Smoke;

public sealed class FoundationScenarioTests
{
    [Fact]
    public async Task Encrypt_through_an_alias_then_decrypt_returns_the_plaintext_after_a_restart()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = (await kms.CreateKeyAsync(new CreateKeyRequest { Description = "KMS key for encrypting sensitive app data" })).KeyMetadata;
        await kms.EnableKeyRotationAsync(new EnableKeyRotationRequest { KeyId = key.KeyId });
        await kms.CreateAliasAsync(new CreateAliasRequest { AliasName = "alias/my-app-key", TargetKeyId = key.KeyId });
        var blob = (await kms.EncryptAsync(new EncryptRequest
        {
            KeyId = "alias/my-app-key",
            Plaintext = new MemoryStream(Encoding.UTF8.GetBytes("This is a secret")),
        })).CiphertextBlob;

        await server.RestartAsync();
        kms = server.Kms();
        var decrypted = await kms.DecryptAsync(new DecryptRequest { CiphertextBlob = blob });
        var rotation = await kms.GetKeyRotationStatusAsync(new GetKeyRotationStatusRequest { KeyId = key.KeyId });

        Assert.Equal("This is a secret", Encoding.UTF8.GetString(decrypted.Plaintext.ToArray()));
        Assert.Equal(key.Arn, decrypted.KeyId);
        Assert.True(rotation.KeyRotationEnabled);
        Assert.Equal(365, rotation.RotationPeriodInDays);
    }
}
