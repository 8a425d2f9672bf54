using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Crypto;
using Trent.Server.Tests.Harness;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Rotation;

public sealed class KeyRotationStatusTests
{
    [Fact]
    public async Task A_new_key_reports_rotation_disabled_without_a_period_or_a_next_date()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();

        var status = await kms.StatusAsync(key.KeyId);

        Assert.False(status.KeyRotationEnabled);
        Assert.Equal(key.Arn, status.KeyId);
        Assert.Null(status.RotationPeriodInDays);
        Assert.Null(status.NextRotationDate);
        Assert.Null(status.OnDemandRotationStartDate);
    }

    [Fact]
    public async Task EnableKeyRotation_defaults_to_365_days_and_reports_the_next_rotation_date()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();

        await kms.EnableRotationAsync(key.Arn);
        var status = await kms.StatusAsync(key.Arn);

        Assert.True(status.KeyRotationEnabled);
        Assert.Equal(key.Arn, status.KeyId);
        Assert.Equal(365, status.RotationPeriodInDays);
        RotationKit.SameInstant(server.Clock.ServerNow().AddDays(365), status.NextRotationDate);
    }

    [Theory]
    [InlineData(90)]
    [InlineData(2560)]
    public async Task EnableKeyRotation_accepts_the_period_bounds(int period)
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();

        await kms.EnableRotationAsync(key.KeyId, period);
        var status = await kms.StatusAsync(key.KeyId);

        Assert.Equal(period, status.RotationPeriodInDays);
        RotationKit.SameInstant(server.Clock.ServerNow().AddDays(period), status.NextRotationDate);
    }

    [Fact]
    public async Task EnableKeyRotation_outside_90_to_2560_days_returns_the_model_ValidationException()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();

        await ValidationAsync(
            "1 validation error detected: Value '89' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value greater than or equal to 90",
            () => kms.EnableRotationAsync(key.KeyId, Unchecked(89)));
        await ValidationAsync(
            "1 validation error detected: Value '2561' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value less than or equal to 2560",
            () => kms.EnableRotationAsync(key.KeyId, Unchecked(2561)));
        Assert.False((await kms.StatusAsync(key.KeyId)).KeyRotationEnabled);
    }

    [Fact]
    public async Task Changing_the_period_of_an_enabled_key_moves_its_next_rotation_date()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        await kms.EnableRotationAsync(key.KeyId);
        var enabledAt = server.Clock.ServerNow();
        server.Clock.Advance(TimeSpan.FromDays(10));

        await kms.EnableRotationAsync(key.KeyId, 180);
        var status = await kms.StatusAsync(key.KeyId);

        Assert.True(status.KeyRotationEnabled);
        Assert.Equal(180, status.RotationPeriodInDays);
        RotationKit.SameInstant(enabledAt.AddDays(180), status.NextRotationDate);
    }

    [Fact]
    public async Task DisableKeyRotation_hides_the_schedule_and_enabling_again_starts_a_new_one()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        await kms.EnableRotationAsync(key.KeyId, 120);

        await kms.DisableKeyRotationAsync(new DisableKeyRotationRequest { KeyId = key.KeyId });
        var disabled = await kms.StatusAsync(key.KeyId);
        server.Clock.Advance(TimeSpan.FromDays(30));
        await kms.EnableRotationAsync(key.KeyId);
        var enabled = await kms.StatusAsync(key.KeyId);

        Assert.False(disabled.KeyRotationEnabled);
        Assert.Null(disabled.RotationPeriodInDays);
        Assert.Null(disabled.NextRotationDate);
        Assert.True(enabled.KeyRotationEnabled);
        Assert.Equal(365, enabled.RotationPeriodInDays);
        RotationKit.SameInstant(server.Clock.ServerNow().AddDays(365), enabled.NextRotationDate);
    }

    [Fact]
    public async Task Rotation_settings_of_a_disabled_key_cannot_change_but_its_status_reads()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        await kms.EnableRotationAsync(key.KeyId, 200);
        await kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });

        await ThrowsAsync<DisabledException>("DisabledException", $"{key.Arn} is disabled.", () => kms.EnableRotationAsync(key.KeyId, 100));
        await ThrowsAsync<DisabledException>("DisabledException", $"{key.Arn} is disabled.",
            () => kms.DisableKeyRotationAsync(new DisableKeyRotationRequest { KeyId = key.KeyId }));
        var status = await kms.StatusAsync(key.KeyId);

        Assert.True(status.KeyRotationEnabled);
        Assert.Equal(200, status.RotationPeriodInDays);
    }

    [Fact]
    public async Task A_key_pending_deletion_reports_rotation_off_until_its_deletion_is_cancelled()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        await kms.EnableRotationAsync(key.KeyId, 180);
        var before = await kms.StatusAsync(key.KeyId);
        await kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = key.KeyId, PendingWindowInDays = 7 });

        var pending = await kms.StatusAsync(key.KeyId);
        await ThrowsAsync<KMSInvalidStateException>("KMSInvalidStateException", $"{key.Arn} is pending deletion.",
            () => kms.EnableRotationAsync(key.KeyId));
        await ThrowsAsync<KMSInvalidStateException>("KMSInvalidStateException", $"{key.Arn} is pending deletion.",
            () => kms.DisableKeyRotationAsync(new DisableKeyRotationRequest { KeyId = key.KeyId }));
        await kms.CancelKeyDeletionAsync(new CancelKeyDeletionRequest { KeyId = key.KeyId });
        var restored = await kms.StatusAsync(key.KeyId);

        Assert.False(pending.KeyRotationEnabled);
        Assert.Null(pending.RotationPeriodInDays);
        Assert.Null(pending.NextRotationDate);
        Assert.True(restored.KeyRotationEnabled);
        Assert.Equal(180, restored.RotationPeriodInDays);
        Assert.Equal(before.NextRotationDate, restored.NextRotationDate);
    }

    [Fact]
    public async Task Rotation_settings_take_a_key_id_or_key_ARN_but_not_an_alias()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        await kms.CreateAliasAsync(new CreateAliasRequest { AliasName = "alias/rotating", TargetKeyId = key.KeyId });
        var missing = $"arn:aws:kms:us-east-1:{key.AWSAccountId}:key/00000000-0000-4000-8000-000000000000";

        await ThrowsAsync<InvalidArnException>("InvalidArnException", "Key Aliases are not supported for this operation.", () => kms.EnableRotationAsync("alias/rotating"));
        await ThrowsAsync<InvalidArnException>("InvalidArnException", "Key Aliases are not supported for this operation.", () => kms.StatusAsync("alias/rotating"));
        await ThrowsAsync<InvalidArnException>("InvalidArnException", "Key Aliases are not supported for this operation.",
            () => kms.DisableKeyRotationAsync(new DisableKeyRotationRequest { KeyId = "alias/rotating" }));
        await ThrowsAsync<NotFoundException>("NotFoundException", $"Key '{missing}' does not exist", () => kms.EnableRotationAsync(missing));
        await ThrowsAsync<NotFoundException>("NotFoundException", $"Key '{missing}' does not exist", () => kms.StatusAsync(missing));
    }
}
