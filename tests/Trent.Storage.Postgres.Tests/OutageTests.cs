using System.Diagnostics;
using Npgsql;
using Trent.Core;
using Trent.Core.Storage;
using Trent.Testing.Postgres;
using static Trent.Storage.Contract.TestData;

namespace Trent.Storage.Postgres.Tests;

/// <summary>
/// PostgreSQL going away under a node (a server of the test's own, stopped and started again): calls fail fast with a
/// retryable error, the feed stops vouching for the caches, and everything recovers by itself when the server is back.
/// </summary>
public sealed class OutageTests : IAsyncLifetime
{
    private PostgresServer _server = null!;
    private PostgresStore _store = null!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartOwnAsync();
        _store = await PostgresStore.OpenAsync(_server.ConnectionString);
        await _store.Changes.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task While_PostgreSQL_is_down_calls_fail_fast_with_a_retryable_error_and_work_again_once_it_is_back()
    {
        var key = Key(NewArn());
        await _store.Keys.CreateKeyAsync(key, null);
        var stamp = _store.Changes.Freshness.Stamp;

        await _server.StopAsync();
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<KmsException>(async () => await _store.Keys.GetKeyAsync(key.Arn));
        var failedAfter = clock.Elapsed;
        await Eventually(() => !_store.Changes.Freshness.IsTrusted);

        Assert.Equal(KmsErrorCode.DependencyTimeoutException, error.Code);
        Assert.True(StoreUnavailable.Is(error));
        Assert.True(failedAfter < TimeSpan.FromSeconds(8), $"The call failed only after {failedAfter}.");

        await _server.StartAgainAsync();

        // The same store instance recovers: its pool reconnects, and its feed listens again (new stamp: recheck everything).
        await Eventually(() => _store.Keys.GetKeyAsync(key.Arn).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result is not null).Result);
        await Eventually(() => _store.Changes.Freshness.IsTrusted && _store.Changes.Freshness.Stamp > stamp);
    }

    [Fact]
    public async Task A_server_that_stops_answering_fails_calls_within_the_timeouts_then_at_once_and_is_used_again_when_it_answers()
    {
        // Short bounds keep the test quick; the defaults (connect 3 s, statement 5 s) bound production the same way: a
        // statement's timeout plus twice the connect timeout, which Npgsql spends trying to cancel the statement.
        var bounded = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Timeout = 1, CommandTimeout = 1 };
        var bound = TimeSpan.FromSeconds(bounded.CommandTimeout + 2 * bounded.Timeout + 3);
        await using var store = await PostgresStore.OpenAsync(bounded.ConnectionString);
        var key = Key(NewArn());
        await store.Keys.CreateKeyAsync(key, null);

        await _server.FreezeAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            var first = await Assert.ThrowsAsync<KmsException>(async () => await store.Keys.GetKeyAsync(key.Arn));
            var firstFailedAfter = clock.Elapsed;
            clock.Restart();
            var next = await Assert.ThrowsAsync<KmsException>(async () => await store.Keys.GetKeyVersionAsync(key.Arn));

            Assert.True(StoreUnavailable.Is(first) && StoreUnavailable.Is(next));
            Assert.True(firstFailedAfter < bound, $"The first call failed only after {firstFailedAfter}.");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"The next call failed only after {clock.Elapsed}.");
        }
        finally
        {
            await _server.ThawAsync();
        }

        await Eventually(() => store.Keys.GetKeyAsync(key.Arn).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result is not null).Result);
    }

    [Fact]
    public async Task Every_acknowledged_write_survives_a_crash_of_PostgreSQL()
    {
        var keys = Enumerable.Range(0, 50).Select(_ => Key(NewArn())).ToList();
        foreach (var key in keys)
        {
            await _store.Keys.CreateKeyAsync(key, Material("m1", Now));
        }

        await _server.KillAsync();
        await _server.StartAgainAsync();

        foreach (var key in keys)
        {
            Assert.NotNull(await _store.Keys.GetKeyAsync(key.Arn));
        }
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(15), "The condition did not hold within 15 seconds.");
            await Task.Delay(20);
        }
    }
}
