using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Crypto;
using Trent.Server.Tests.Harness;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Rotation;

public sealed class RotateKeyOnDemandTests
{
    [Fact]
    public async Task RotateKeyOnDemand_makes_new_material_current_while_old_ciphertexts_still_decrypt()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var before = await kms.EncryptAsync(key.KeyId, "before the rotation");

        var rotated = await kms.RotateKeyOnDemandAsync(new RotateKeyOnDemandRequest { KeyId = key.Arn });
        var current = (await kms.DescribeAsync(key.KeyId)).CurrentKeyMaterialId;
        var after = await kms.EncryptAsync(key.KeyId, "after the rotation");
        var dataKey = await kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId, KeySpec = "AES_256" });
        var old = await kms.DecryptAsync(before);
        var fresh = await kms.DecryptAsync(after);

        Assert.Equal(key.KeyId, rotated.KeyId);
        Assert.Matches("^[0-9a-f]{64}$", current);
        Assert.NotEqual(key.CurrentKeyMaterialId, current);
        Assert.Equal(("before the rotation", key.CurrentKeyMaterialId), (Text(old.Plaintext), old.KeyMaterialId));
        Assert.Equal(("after the rotation", current), (Text(fresh.Plaintext), fresh.KeyMaterialId));
        Assert.Equal(current, dataKey.KeyMaterialId);
    }

    [Fact]
    public async Task RotateKeyOnDemand_does_not_move_the_automatic_schedule()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        await kms.EnableRotationAsync(key.KeyId, 90);
        var before = await kms.StatusAsync(key.KeyId);
        server.Clock.Advance(TimeSpan.FromDays(5));

        await kms.RotateNowAsync(key.KeyId);
        var after = await kms.StatusAsync(key.KeyId);

        Assert.True(after.KeyRotationEnabled);
        Assert.Equal(90, after.RotationPeriodInDays);
        Assert.Equal(before.NextRotationDate, after.NextRotationDate);
    }

    [Fact]
    public async Task RotateKeyOnDemand_refuses_a_disabled_key_or_one_pending_deletion()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var disabled = await kms.CreateKeyAsync();
        var pending = await kms.CreateKeyAsync();
        await kms.DisableKeyAsync(new DisableKeyRequest { KeyId = disabled.KeyId });
        await kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = pending.KeyId, PendingWindowInDays = 7 });

        await ThrowsAsync<DisabledException>("DisabledException", $"{disabled.Arn} is disabled.", () => kms.RotateNowAsync(disabled.KeyId));
        await ThrowsAsync<KMSInvalidStateException>("KMSInvalidStateException", $"{pending.Arn} is pending deletion.", () => kms.RotateNowAsync(pending.KeyId));
        Assert.Equal(disabled.CurrentKeyMaterialId, (await kms.DescribeAsync(disabled.KeyId)).CurrentKeyMaterialId);
    }

    [Fact]
    public async Task The_26th_on_demand_rotation_returns_LimitExceededException()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        for (var i = 0; i < 25; i++)
        {
            await kms.RotateNowAsync(key.KeyId);
        }
        var current = (await kms.DescribeAsync(key.KeyId)).CurrentKeyMaterialId;

        await ThrowsAsync<LimitExceededException>("LimitExceededException",
            $"The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: {key.Arn}",
            () => kms.RotateNowAsync(key.KeyId));
        Assert.Equal(current, (await kms.DescribeAsync(key.KeyId)).CurrentKeyMaterialId);
        Assert.Equal(25, (await kms.RotationsAsync(key.KeyId)).Count);
    }

    [Fact]
    public async Task RotateKeyOnDemand_takes_a_key_id_or_key_ARN_but_not_an_alias()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        await kms.CreateAliasAsync(new CreateAliasRequest { AliasName = "alias/on-demand", TargetKeyId = key.KeyId });

        await ThrowsAsync<InvalidArnException>("InvalidArnException", "Key Aliases are not supported for this operation.", () => kms.RotateNowAsync("alias/on-demand"));
        Assert.Equal(key.CurrentKeyMaterialId, (await kms.DescribeAsync(key.KeyId)).CurrentKeyMaterialId);
    }
}
