using System.Collections.Concurrent;
using System.Diagnostics;
using Trent.Core.Authorization.Grants;
using Trent.Core.Identity;
using Trent.Core.Identity.Iam;
using Trent.Core.Keys;
using Trent.Core.Storage;
using Trent.Storage.Postgres.Tests.Support;
using static Trent.Storage.Contract.TestData;

namespace Trent.Storage.Postgres.Tests;

/// <summary>
/// Two nodes on one schema, both listening: every committed change reaches the other node's caches before the write
/// returns to its caller, rolled-back writes announce nothing, and a node whose feed falls silent stops trusting itself.
/// </summary>
public sealed class ChangeFeedTests : IAsyncLifetime
{
    private TempSchema _schema = null!;
    private PostgresStore _a = null!;
    private PostgresStore _b = null!;
    private readonly ConcurrentQueue<StoreChange> _seenByB = new();

    public async Task InitializeAsync()
    {
        _schema = await TempSchema.CreateAsync();
        _a = await _schema.OpenAsync();
        _b = await _schema.OpenAsync();
        _b.Changes.Changed += _seenByB.Enqueue;
        await _a.Changes.StartAsync();
        await _b.Changes.StartAsync();
    }

    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task A_key_change_committed_on_one_node_has_reached_the_other_when_the_write_returns()
    {
        var key = Key(NewArn());
        await _a.Keys.CreateKeyAsync(key, null);

        await _a.Keys.TryUpdateKeyAsync(key with { State = KeyState.Disabled }, null);

        // No waiting: the write returned only after node B acknowledged.
        Assert.Contains(new StoreChange.Key(key.Arn), _seenByB);
    }

    [Fact]
    public async Task Every_kind_of_write_announces_what_it_changed()
    {
        var key = Key(NewArn());
        await _a.Keys.CreateKeyAsync(key, null);
        await _a.Keys.TryCreateAliasAsync(Alias("alias/a", key.KeyId));
        await _a.Identity.CreateAccountAsync(NewAccount(AccountId), RootAccessKey(AccountId, "AKIAROOT000000000001"));
        var user = new IamUser(AccountId, "u", "AIDAUSER00000000001", "/", $"arn:aws:iam::{AccountId}:user/u", Now, []);
        await _a.Iam.CreateUserAsync(user);
        var grant = new Grant(new string('c', 64), key.Arn, "arn:aws:iam::111122223333:role/r", null, ["Decrypt"], null, null, Now);

        await Expect(new StoreChange.Aliases(AccountId, Region), () => _a.Keys.TryUpdateAliasAsync(Alias("alias/a", key.KeyId)).AsTask());
        await Expect(new StoreChange.Aliases(AccountId, Region), () => _a.Keys.DeleteAliasAsync(AccountId, Region, "alias/a").AsTask());
        await Expect(new StoreChange.Grants(key.Arn), () => _a.Grants.TryCreateAsync(grant, 10).AsTask());
        await Expect(new StoreChange.Grants(key.Arn), () => _a.Grants.DeleteAsync(key.Arn, grant.GrantId).AsTask());
        await Expect(new StoreChange.IdentityPolicies(PolicyOwnerKind.User, user.UserId),
            () => _a.Iam.PutInlinePolicyAsync(PolicyOwnerKind.User, user.UserId, new InlinePolicy("p", "{}")).AsTask());
        await Expect(new StoreChange.IdentityPolicies(PolicyOwnerKind.User, user.UserId),
            () => _a.Iam.DeleteInlinePolicyAsync(PolicyOwnerKind.User, user.UserId, "p").AsTask());
        await Expect(new StoreChange.AccessKey("AKIAROOT000000000001"),
            () => _a.Iam.UpdateAccessKeyStatusAsync("AKIAROOT000000000001", AccessKeyStatus.Inactive).AsTask());
        await Expect(new StoreChange.AccessKey("AKIAROOT000000000001"), () => _a.Iam.DeleteAccessKeyAsync("AKIAROOT000000000001").AsTask());
        await Expect(new StoreChange.Key(key.Arn), () => _a.Keys.DeleteKeyAsync(key.Arn).AsTask());
        Assert.Contains(new StoreChange.Grants(key.Arn), _seenByB);
        Assert.Contains(new StoreChange.Aliases(AccountId, Region), _seenByB);
    }

    [Fact]
    public async Task A_write_that_rolls_back_announces_nothing()
    {
        var key = Key(NewArn());
        var marker = Key(NewArn());
        await _a.Keys.CreateKeyAsync(key, Material("m1", Now));
        await _a.Keys.CreateKeyAsync(marker, null);

        // A material id the key already has: the update fails and rolls back with its notification.
        await Assert.ThrowsAnyAsync<Exception>(async () => await _a.Keys.TryUpdateKeyAsync(key with { Description = "x" }, Material("m1", Now)));
        await _a.Keys.TryUpdateKeyAsync(marker, null);

        Assert.Contains(new StoreChange.Key(marker.Arn), _seenByB);
        Assert.DoesNotContain(new StoreChange.Key(key.Arn), _seenByB);
    }

    [Fact]
    public async Task A_node_whose_feed_connection_is_killed_checks_its_caches_and_listens_again_by_itself()
    {
        var stampBefore = _b.Changes.Freshness.Stamp;
        Assert.True(_b.Changes.Freshness.IsTrusted);

        await _schema.ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE '%:{_b.NodeId}';");

        await Eventually(() => _b.Changes.Freshness.Stamp > stampBefore && _b.Changes.Freshness.IsTrusted);
        // Listening again, it applies new changes as before.
        var key = Key(NewArn());
        await _a.Keys.CreateKeyAsync(key, null);
        await _a.Keys.TryUpdateKeyAsync(key, null);
        Assert.Contains(new StoreChange.Key(key.Arn), _seenByB);
    }

    [Fact]
    public async Task A_node_that_does_not_acknowledge_delays_writes_by_at_most_the_ack_timeout_and_distrusts_its_caches()
    {
        var key = Key(NewArn());
        await _a.Keys.CreateKeyAsync(key, null);
        using var release = new ManualResetEventSlim();
        // Node B's feed hangs on the change, as a node stuck in a long pause would.
        _b.Changes.Changed += _ => release.Wait(TimeSpan.FromSeconds(10));

        var clock = Stopwatch.StartNew();
        await _a.Keys.TryUpdateKeyAsync(key, null);
        var took = clock.Elapsed;
        var bTrustedAfterWrite = _b.Changes.Freshness.IsTrusted;
        release.Set();

        Assert.InRange(took, PostgresChangeFeed.AckTimeout - TimeSpan.FromMilliseconds(100), PostgresChangeFeed.AckTimeout + TimeSpan.FromSeconds(2));
        // By the time the write returned, B's caches could no longer vouch for themselves: B checks them against the database.
        Assert.False(bTrustedAfterWrite);
        await Eventually(() => _b.Changes.Freshness.IsTrusted);
    }

    [Fact]
    public async Task A_write_with_no_other_node_listening_does_not_wait()
    {
        await _b.DisposeAsync();
        var key = Key(NewArn());
        await _a.Keys.CreateKeyAsync(key, null);

        var clock = Stopwatch.StartNew();
        await _a.Keys.TryUpdateKeyAsync(key, null);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"The write took {clock.Elapsed}.");
    }

    private async Task Expect(StoreChange change, Func<Task> write)
    {
        _seenByB.Clear();
        await write();
        Assert.Contains(change, _seenByB);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "The condition did not hold within 10 seconds.");
            await Task.Delay(20);
        }
    }
}
