using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Crypto;
using Trent.Server.Tests.Harness;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Rotation;

public sealed class RotationPersistenceTests
{
    [Fact]
    public async Task Keys_aliases_rotation_state_and_ciphertexts_under_every_material_survive_a_restart()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var disabled = await kms.CreateKeyAsync();
        var pending = await kms.CreateKeyAsync();
        await kms.CreateAliasAsync(new CreateAliasRequest { AliasName = "alias/persistent", TargetKeyId = key.KeyId });
        await kms.EnableRotationAsync(key.KeyId, 180);
        var written = new List<(MemoryStream Blob, string MaterialId)>();
        written.Add((await kms.EncryptAsync("alias/persistent", "original material"), key.CurrentKeyMaterialId));
        await kms.RotateNowAsync(key.KeyId);
        written.Add((await kms.EncryptAsync(key.KeyId, "on-demand material"), (await kms.DescribeAsync(key.KeyId)).CurrentKeyMaterialId));
        server.Clock.Advance(TimeSpan.FromDays(181));
        await server.RunMaintenanceAsync();
        written.Add((await kms.EncryptAsync(key.KeyId, "automatic material"), (await kms.DescribeAsync(key.KeyId)).CurrentKeyMaterialId));
        var dataKey = await kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId, NumberOfBytes = 48 });
        await kms.DisableKeyAsync(new DisableKeyRequest { KeyId = disabled.KeyId });
        await kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = pending.KeyId, PendingWindowInDays = 30 });
        var describedBefore = await kms.DescribeAsync(key.KeyId);
        var statusBefore = await kms.StatusAsync(key.KeyId);
        var rotationsBefore = await kms.RotationsAsync(key.KeyId, allMaterial: true);

        await server.RestartAsync();
        kms = server.Kms();

        var describedAfter = await kms.DescribeAsync(key.KeyId);
        var statusAfter = await kms.StatusAsync(key.KeyId);
        var rotationsAfter = await kms.RotationsAsync(key.KeyId, allMaterial: true);
        Assert.Equal(describedBefore.CurrentKeyMaterialId, describedAfter.CurrentKeyMaterialId);
        Assert.Equal((true, 180, statusBefore.NextRotationDate), (statusAfter.KeyRotationEnabled, statusAfter.RotationPeriodInDays, statusAfter.NextRotationDate));
        Assert.Equal(
            rotationsBefore.Select(r => (r.KeyMaterialId, r.KeyMaterialState?.Value, r.RotationType?.Value, r.RotationDate)),
            rotationsAfter.Select(r => (r.KeyMaterialId, r.KeyMaterialState?.Value, r.RotationType?.Value, r.RotationDate)));
        Assert.Equal(3, written.Select(w => w.MaterialId).Distinct().Count());
        foreach (var (blob, materialId) in written)
        {
            var decrypted = await kms.DecryptAsync(blob, keyId: "alias/persistent");
            Assert.Equal((key.Arn, materialId), (decrypted.KeyId, decrypted.KeyMaterialId));
        }
        Assert.Equal(dataKey.Plaintext.ToArray(), (await kms.DecryptAsync(dataKey.CiphertextBlob)).Plaintext.ToArray());
        Assert.Equal(key.Arn, (await kms.EncryptAsync(new EncryptRequest { KeyId = "alias/persistent", Plaintext = Utf8("after") })).KeyId);
        Assert.Equal("Disabled", (await kms.DescribeAsync(disabled.KeyId)).KeyState.Value);
        Assert.Equal("PendingDeletion", (await kms.DescribeAsync(pending.KeyId)).KeyState.Value);

        await kms.RotateNowAsync(key.KeyId);
        Assert.Equal(4, (await kms.RotationsAsync(key.KeyId, allMaterial: true)).Select(r => r.KeyMaterialId).Distinct().Count());
        Assert.Equal("original material", Text((await kms.DecryptAsync(written[0].Blob)).Plaintext));
    }
}
