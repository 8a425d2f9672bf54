using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Crypto;
using Trent.Server.Tests.Harness;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Rotation;

public sealed class AutomaticRotationTests
{
    [Fact]
    public async Task A_key_rotates_automatically_once_its_rotation_date_passes()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        await kms.EnableRotationAsync(key.KeyId);
        var scheduled = server.Clock.ServerNow().AddDays(365);
        var before = await kms.EncryptAsync(key.KeyId, "first year");

        server.Clock.Advance(TimeSpan.FromDays(366));
        await server.RunMaintenanceAsync();
        var rotatedAt = server.Clock.ServerNow();

        var current = (await kms.DescribeAsync(key.KeyId)).CurrentKeyMaterialId;
        var status = await kms.StatusAsync(key.KeyId);
        var rotation = Assert.Single(await kms.RotationsAsync(key.KeyId));
        var old = await kms.DecryptAsync(before);
        var fresh = await kms.DecryptAsync(await kms.EncryptAsync(key.KeyId, "second year"));

        Assert.NotEqual(key.CurrentKeyMaterialId, current);
        Assert.Equal(("AUTOMATIC", "CURRENT", current), (rotation.RotationType?.Value, rotation.KeyMaterialState?.Value, rotation.KeyMaterialId));
        RotationKit.SameInstant(rotatedAt, rotation.RotationDate);
        RotationKit.SameInstant(scheduled.AddDays(365), status.NextRotationDate);
        Assert.Equal(("first year", key.CurrentKeyMaterialId), (Text(old.Plaintext), old.KeyMaterialId));
        Assert.Equal(("second year", current), (Text(fresh.Plaintext), fresh.KeyMaterialId));
    }

    [Fact]
    public async Task A_key_is_not_rotated_before_its_rotation_date()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        await kms.EnableRotationAsync(key.KeyId, 90);
        var scheduled = (await kms.StatusAsync(key.KeyId)).NextRotationDate;

        server.Clock.Advance(TimeSpan.FromDays(90) - TimeSpan.FromMinutes(1));
        await server.RunMaintenanceAsync();

        Assert.Equal(key.CurrentKeyMaterialId, (await kms.DescribeAsync(key.KeyId)).CurrentKeyMaterialId);
        Assert.Empty(await kms.RotationsAsync(key.KeyId));
        Assert.Equal(scheduled, (await kms.StatusAsync(key.KeyId)).NextRotationDate);
    }

    [Fact]
    public async Task Ciphertexts_under_every_retained_material_decrypt_after_several_rotations()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        await kms.EnableRotationAsync(key.KeyId, 90);
        var next = server.Clock.ServerNow().AddDays(90);
        var written = new List<(MemoryStream Blob, string Text, string MaterialId)>();

        for (var period = 0; period < 4; period++)
        {
            var materialId = (await kms.DescribeAsync(key.KeyId)).CurrentKeyMaterialId;
            written.Add((await kms.EncryptAsync(key.KeyId, $"period {period}", new() { ["period"] = $"{period}" }), $"period {period}", materialId));
            server.Clock.Advance(TimeSpan.FromDays(91));
            await server.RunMaintenanceAsync();
            RotationKit.SameInstant(next.AddDays(90), (await kms.StatusAsync(key.KeyId)).NextRotationDate);
            next = next.AddDays(90);
        }

        Assert.Equal(4, written.Select(w => w.MaterialId).Distinct().Count());
        Assert.Equal(4, (await kms.RotationsAsync(key.KeyId)).Count);
        for (var period = 0; period < written.Count; period++)
        {
            var decrypted = await kms.DecryptAsync(written[period].Blob, new() { ["period"] = $"{period}" });
            Assert.Equal((written[period].Text, written[period].MaterialId), (Text(decrypted.Plaintext), decrypted.KeyMaterialId));
        }
    }

    [Fact]
    public async Task A_disabled_key_is_not_rotated_and_rotates_once_enabled_after_its_date()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        await kms.EnableRotationAsync(key.KeyId);
        var scheduled = server.Clock.ServerNow().AddDays(365);
        await kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });

        server.Clock.Advance(TimeSpan.FromDays(366));
        await server.RunMaintenanceAsync();
        var whileDisabled = (await kms.DescribeAsync(key.KeyId)).CurrentKeyMaterialId;
        await kms.EnableKeyAsync(new EnableKeyRequest { KeyId = key.KeyId });
        await server.RunMaintenanceAsync();
        var afterEnable = (await kms.DescribeAsync(key.KeyId)).CurrentKeyMaterialId;

        Assert.Equal(key.CurrentKeyMaterialId, whileDisabled);
        Assert.NotEqual(key.CurrentKeyMaterialId, afterEnable);
        Assert.Equal("AUTOMATIC", Assert.Single(await kms.RotationsAsync(key.KeyId)).RotationType?.Value);
        RotationKit.SameInstant(scheduled.AddDays(365), (await kms.StatusAsync(key.KeyId)).NextRotationDate);
    }

    [Fact]
    public async Task A_key_enabled_again_after_several_missed_periods_rotates_once_and_restarts_its_schedule()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        await kms.EnableRotationAsync(key.KeyId, 90);
        await kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });
        server.Clock.Advance(TimeSpan.FromDays(400));
        await kms.EnableKeyAsync(new EnableKeyRequest { KeyId = key.KeyId });

        await server.RunMaintenanceAsync();
        await server.RunMaintenanceAsync();

        Assert.Single(await kms.RotationsAsync(key.KeyId));
        RotationKit.SameInstant(server.Clock.ServerNow().AddDays(90), (await kms.StatusAsync(key.KeyId)).NextRotationDate);
    }

    [Fact]
    public async Task Keys_with_rotation_disabled_or_pending_deletion_are_not_rotated()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var switchedOff = await kms.CreateKeyAsync();
        var pending = await kms.CreateKeyAsync();
        await kms.EnableRotationAsync(switchedOff.KeyId, 90);
        await kms.DisableKeyRotationAsync(new DisableKeyRotationRequest { KeyId = switchedOff.KeyId });
        await kms.EnableRotationAsync(pending.KeyId, 90);
        server.Clock.Advance(TimeSpan.FromDays(80));
        await kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = pending.KeyId, PendingWindowInDays = 30 });

        server.Clock.Advance(TimeSpan.FromDays(15));
        await server.RunMaintenanceAsync();
        await kms.CancelKeyDeletionAsync(new CancelKeyDeletionRequest { KeyId = pending.KeyId });

        Assert.Empty(await kms.RotationsAsync(switchedOff.KeyId));
        Assert.Empty(await kms.RotationsAsync(pending.KeyId));
        Assert.Equal(pending.CurrentKeyMaterialId, (await kms.DescribeAsync(pending.KeyId)).CurrentKeyMaterialId);
    }
}
