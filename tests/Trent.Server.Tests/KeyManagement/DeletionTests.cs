using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Harness;
using Trent.Server.Tests.KeyManagement.Support;

namespace Trent.Server.Tests.KeyManagement;

/// <summary>
/// ScheduleKeyDeletion, CancelKeyDeletion and the background deletion at the end of the waiting period. Each test
/// moves its own server's clock.
/// </summary>
public sealed class DeletionTests : IAsyncLifetime
{
    private TrentServer _server = null!;
    private AmazonKeyManagementServiceClient _kms = null!;

    private string Account => _server.Root.AccountId;

    public async Task InitializeAsync()
    {
        _server = await TrentServer.StartAsync();
        _kms = _server.Kms();
    }

    public async Task DisposeAsync()
    {
        _kms.Dispose();
        await _server.DisposeAsync();
    }

    private long NowMillis => _server.Clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static long Millis(DateTime? date) => new DateTimeOffset(date!.Value).ToUnixTimeMilliseconds();

    [Fact]
    public async Task ScheduleKeyDeletion_without_a_window_schedules_30_days_from_now()
    {
        var key = await _kms.NewKeyAsync();
        var now = NowMillis;

        var response = await _kms.ScheduleDeletionAsync(key.KeyId);

        Assert.Equal(key.Arn, response.KeyId);
        Assert.Equal(KeyState.PendingDeletion, response.KeyState);
        Assert.Equal(30, response.PendingWindowInDays);
        Assert.Equal(now + (long)TimeSpan.FromDays(30).TotalMilliseconds, Millis(response.DeletionDate));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(18)]
    [InlineData(30)]
    public async Task ScheduleKeyDeletion_with_a_window_from_7_to_30_days_sets_DeletionDate_that_many_days_ahead(int days)
    {
        var key = await _kms.NewKeyAsync();
        var now = NowMillis;

        var response = await _kms.ScheduleDeletionAsync(key.Arn, days);

        Assert.Equal(days, response.PendingWindowInDays);
        Assert.Equal(now + (long)TimeSpan.FromDays(days).TotalMilliseconds, Millis(response.DeletionDate));
        Assert.Equal(response.DeletionDate, (await _kms.DescribeAsync(key.KeyId)).DeletionDate);
    }

    [Fact]
    public async Task DescribeKey_of_a_key_pending_deletion_shows_the_state_Enabled_false_and_the_DeletionDate()
    {
        var recorder = new WireRecorder();
        using var kms = _server.KmsRecording(recorder);
        var key = await kms.NewKeyAsync();
        var scheduled = await kms.ScheduleDeletionAsync(key.KeyId, 7);

        var described = await kms.DescribeAsync(key.KeyId);

        Assert.Equal(KeyState.PendingDeletion, described.KeyState);
        Assert.False(described.Enabled);
        Assert.Equal(scheduled.DeletionDate, described.DeletionDate);
        Assert.Null(described.PendingDeletionWindowInDays);
        var metadata = recorder.Last.Json.GetProperty("KeyMetadata");
        Assert.True(metadata.TryGetProperty("DeletionDate", out _));
        Assert.False(metadata.TryGetProperty("PendingDeletionWindowInDays", out _));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(31)]
    [InlineData(365)]
    public async Task ScheduleKeyDeletion_with_a_window_the_model_allows_but_outside_7_to_30_returns_ValidationException(int days)
    {
        var key = await _kms.NewKeyAsync();

        await Expect.Validation(() => _kms.ScheduleDeletionAsync(key.KeyId, days), "PendingWindowInDays must be between 7 and 30");
        Assert.Equal(KeyState.Enabled, (await _kms.DescribeAsync(key.KeyId)).KeyState);
    }

    [Theory]
    [InlineData(0, "greater than or equal to 1")]
    [InlineData(366, "less than or equal to 365")]
    public async Task ScheduleKeyDeletion_with_a_window_outside_the_model_range_returns_the_model_ValidationException(int days, string constraint)
    {
        var key = await _kms.NewKeyAsync();

        await Expect.Validation(
            () => _kms.ScheduleDeletionAsync(key.KeyId, days),
            $"1 validation error detected: Value '{days}' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value {constraint}");
    }

    [Fact]
    public async Task ScheduleKeyDeletion_of_a_key_already_pending_deletion_returns_KMSInvalidStateException_and_keeps_the_date()
    {
        var key = await _kms.NewKeyAsync();
        var first = await _kms.ScheduleDeletionAsync(key.KeyId, 7);

        await Expect.Error<KMSInvalidStateException>(() => _kms.ScheduleDeletionAsync(key.KeyId, 30), $"{key.Arn} is pending deletion.");
        Assert.Equal(first.DeletionDate, (await _kms.DescribeAsync(key.KeyId)).DeletionDate);
    }

    [Fact]
    public async Task CancelKeyDeletion_returns_the_key_ARN_and_leaves_the_key_Disabled_without_a_DeletionDate()
    {
        var key = await _kms.NewKeyAsync();
        await _kms.ScheduleDeletionAsync(key.KeyId);

        var response = await _kms.CancelKeyDeletionAsync(new CancelKeyDeletionRequest { KeyId = key.KeyId });

        Assert.Equal(key.Arn, response.KeyId);
        var described = await _kms.DescribeAsync(key.KeyId);
        Assert.Equal(KeyState.Disabled, described.KeyState);
        Assert.False(described.Enabled);
        Assert.Null(described.DeletionDate);
    }

    [Fact]
    public async Task A_key_scheduled_while_disabled_is_Disabled_again_after_CancelKeyDeletion()
    {
        var key = await _kms.NewKeyAsync();
        await _kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });
        await _kms.ScheduleDeletionAsync(key.KeyId);

        await _kms.CancelKeyDeletionAsync(new CancelKeyDeletionRequest { KeyId = key.KeyId });

        Assert.Equal(KeyState.Disabled, (await _kms.DescribeAsync(key.KeyId)).KeyState);
    }

    [Fact]
    public async Task CancelKeyDeletion_then_ScheduleKeyDeletion_starts_a_new_window_from_now()
    {
        var key = await _kms.NewKeyAsync();
        await _kms.ScheduleDeletionAsync(key.KeyId, 7);
        await _kms.CancelKeyDeletionAsync(new CancelKeyDeletionRequest { KeyId = key.KeyId });
        _server.Clock.Advance(TimeSpan.FromDays(5));
        var now = NowMillis;

        var again = await _kms.ScheduleDeletionAsync(key.KeyId, 7);

        Assert.Equal(now + (long)TimeSpan.FromDays(7).TotalMilliseconds, Millis(again.DeletionDate));
    }

    [Fact]
    public async Task CancelKeyDeletion_of_an_enabled_key_returns_KMSInvalidStateException_not_pending_deletion()
    {
        var key = await _kms.NewKeyAsync();

        await Expect.Error<KMSInvalidStateException>(
            () => _kms.CancelKeyDeletionAsync(new CancelKeyDeletionRequest { KeyId = key.KeyId }), $"{key.Arn} is not pending deletion.");
    }

    [Fact]
    public async Task The_maintenance_sweep_deletes_a_key_once_its_DeletionDate_has_passed()
    {
        var key = await _kms.NewKeyAsync();
        var alias = "alias/doomed";
        await _kms.CreateAliasAsync(alias, key.KeyId);
        // Resolve through the alias and by id, so cached entries would show up as stale answers afterwards.
        await _kms.DescribeAsync(alias);
        await _kms.ScheduleDeletionAsync(key.KeyId, 7);
        _server.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));

        Assert.Equal(1, await _server.RunMaintenanceAsync());

        await Expect.Error<NotFoundException>(() => _kms.DescribeAsync(key.KeyId), $"Key '{key.Arn}' does not exist");
        await Expect.Error<NotFoundException>(() => _kms.DescribeAsync(alias), $"Alias {KmsCalls.AliasArn(Account, alias)} is not found.");
        Assert.DoesNotContain(key.KeyId, await _kms.AllKeyIdsAsync());
        Assert.Empty(await _kms.AllAliasesAsync());
    }

    [Fact]
    public async Task The_maintenance_sweep_deletes_a_key_exactly_at_its_DeletionDate()
    {
        var key = await _kms.NewKeyAsync();
        await _kms.ScheduleDeletionAsync(key.KeyId, 7);
        _server.Clock.Advance(TimeSpan.FromDays(7));

        Assert.Equal(1, await _server.RunMaintenanceAsync());
        await Expect.Error<NotFoundException>(() => _kms.DescribeAsync(key.KeyId), $"Key '{key.Arn}' does not exist");
    }

    [Fact]
    public async Task The_maintenance_sweep_keeps_a_key_whose_DeletionDate_has_not_come()
    {
        var key = await _kms.NewKeyAsync();
        var scheduled = await _kms.ScheduleDeletionAsync(key.KeyId);
        _server.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));

        Assert.Equal(0, await _server.RunMaintenanceAsync());

        var described = await _kms.DescribeAsync(key.KeyId);
        Assert.Equal(KeyState.PendingDeletion, described.KeyState);
        Assert.Equal(scheduled.DeletionDate, described.DeletionDate);
    }

    [Fact]
    public async Task A_key_whose_deletion_was_cancelled_survives_the_old_DeletionDate()
    {
        var key = await _kms.NewKeyAsync();
        await _kms.ScheduleDeletionAsync(key.KeyId, 7);
        await _kms.CancelKeyDeletionAsync(new CancelKeyDeletionRequest { KeyId = key.KeyId });
        _server.Clock.Advance(TimeSpan.FromDays(8));

        Assert.Equal(0, await _server.RunMaintenanceAsync());
        Assert.Equal(KeyState.Disabled, (await _kms.DescribeAsync(key.KeyId)).KeyState);
    }

    [Fact]
    public async Task The_maintenance_sweep_deletes_only_the_keys_that_are_due()
    {
        var due = await _kms.NewKeyAsync();
        var later = await _kms.NewKeyAsync();
        var kept = await _kms.NewKeyAsync();
        await _kms.CreateAliasAsync("alias/kept", kept.KeyId);
        await _kms.ScheduleDeletionAsync(due.KeyId, 7);
        await _kms.ScheduleDeletionAsync(later.KeyId, 30);
        _server.Clock.Advance(TimeSpan.FromDays(10));

        Assert.Equal(1, await _server.RunMaintenanceAsync());

        Assert.Equal(new[] { later.KeyId, kept.KeyId }.Order(StringComparer.Ordinal), await _kms.AllKeyIdsAsync());
        Assert.Equal(KeyState.PendingDeletion, (await _kms.DescribeAsync(later.KeyId)).KeyState);
        Assert.Equal(kept.KeyId, (await _kms.DescribeAsync("alias/kept")).KeyId);
    }

    [Fact]
    public async Task Every_operation_on_a_deleted_key_returns_NotFoundException_with_its_ARN()
    {
        var key = await _kms.NewKeyAsync();
        await _kms.ScheduleDeletionAsync(key.KeyId, 7);
        _server.Clock.Advance(TimeSpan.FromDays(7));
        await _server.RunMaintenanceAsync();
        var gone = $"Key '{key.Arn}' does not exist";

        await Expect.Error<NotFoundException>(() => _kms.CancelKeyDeletionAsync(new CancelKeyDeletionRequest { KeyId = key.KeyId }), gone);
        await Expect.Error<NotFoundException>(() => _kms.EnableKeyAsync(new EnableKeyRequest { KeyId = key.Arn }), gone);
        await Expect.Error<NotFoundException>(() => _kms.GetKeyPolicyAsync(new GetKeyPolicyRequest { KeyId = key.KeyId }), gone);
        await Expect.Error<NotFoundException>(() => _kms.ListResourceTagsAsync(new ListResourceTagsRequest { KeyId = key.KeyId }), gone);
        await Expect.Error<NotFoundException>(() => _kms.ListAliasesAsync(new ListAliasesRequest { KeyId = key.KeyId }), gone);
        await Expect.Error<NotFoundException>(() => _kms.CreateAliasAsync("alias/late", key.KeyId), gone);
    }

    [Fact]
    public async Task The_alias_of_a_deleted_key_may_be_created_again_for_another_key()
    {
        var key = await _kms.NewKeyAsync();
        var next = await _kms.NewKeyAsync();
        await _kms.CreateAliasAsync("alias/reused", key.KeyId);
        await _kms.ScheduleDeletionAsync(key.KeyId, 7);
        _server.Clock.Advance(TimeSpan.FromDays(7));
        await _server.RunMaintenanceAsync();

        await _kms.CreateAliasAsync("alias/reused", next.KeyId);

        Assert.Equal(next.KeyId, (await _kms.DescribeAsync("alias/reused")).KeyId);
    }

    [Fact]
    public async Task A_scheduled_deletion_survives_a_restart_and_still_happens_on_time()
    {
        var key = await _kms.NewKeyAsync();
        var scheduled = await _kms.ScheduleDeletionAsync(key.KeyId, 7);
        _kms.Dispose();
        await _server.RestartAsync();
        _kms = _server.Kms();
        Assert.Equal(scheduled.DeletionDate, (await _kms.DescribeAsync(key.KeyId)).DeletionDate);
        _server.Clock.Advance(TimeSpan.FromDays(7));

        Assert.Equal(1, await _server.RunMaintenanceAsync());
        await Expect.Error<NotFoundException>(() => _kms.DescribeAsync(key.KeyId), $"Key '{key.Arn}' does not exist");
    }

    [Fact]
    public async Task Keys_pending_deletion_in_several_regions_are_each_deleted_in_their_own_region()
    {
        using var eu = _server.Kms("eu-west-1");
        var east = await _kms.NewKeyAsync();
        var west = await eu.NewKeyAsync();
        await eu.CreateAliasAsync("alias/regional", west.KeyId);
        await _kms.CreateAliasAsync("alias/regional", east.KeyId);
        await eu.ScheduleDeletionAsync(west.KeyId, 7);
        _server.Clock.Advance(TimeSpan.FromDays(7));

        Assert.Equal(1, await _server.RunMaintenanceAsync());

        Assert.Empty(await eu.AllKeyIdsAsync());
        Assert.Empty(await eu.AllAliasesAsync());
        Assert.Equal([east.KeyId], await _kms.AllKeyIdsAsync());
        Assert.Equal(east.KeyId, (await _kms.DescribeAsync("alias/regional")).KeyId);
    }
}
