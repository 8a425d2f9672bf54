using System.Diagnostics;
using System.Net;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Testing.Postgres;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.ScaleOut;

/// <summary>
/// PostgreSQL restarted under load, or silent, on a server of each test's own: while it is away, cryptography on cached
/// keys goes on and writes fail fast with a retryable 503; once it is back the nodes recover by themselves; nothing
/// acknowledged is lost.
/// </summary>
public sealed class DatabaseRestartTests : IAsyncLifetime
{
    private PostgresServer _server = null!;
    private TrentCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartOwnAsync();
        _cluster = await TrentCluster.StartAsync(2, _server);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_PostgreSQL_restart_under_load_keeps_cached_crypto_working_fails_writes_retryably_and_recovers_by_itself()
    {
        using var a = _cluster.Kms(0);
        using var b = _cluster.Kms(1);
        var key = await a.CreateKeyAsync("cached on both nodes");
        var blob = await a.EncryptAsync(key.KeyId, "before the outage");
        await b.DecryptAsync(blob);
        var acknowledged = new List<string>();
        using var stop = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    acknowledged.Add((await a.CreateKeyAsync("written under load")).KeyId);
                }
                catch (AmazonKeyManagementServiceException)
                {
                    // Refused while the database is away; the client retries later.
                }
                await Task.Delay(20);
            }
        });
        await Task.Delay(500);

        await _server.StopAsync();
        try
        {
            // Cached keys keep serving on both nodes.
            foreach (var kms in new[] { a, b })
            {
                Assert.Equal("before the outage", Text((await kms.DecryptAsync(blob)).Plaintext));
                await kms.EncryptAsync(key.KeyId, "during the outage");
            }
            // A write fails within bounded time with AWS's retryable error.
            var clock = Stopwatch.StartNew();
            var refused = await Assert.ThrowsAsync<DependencyTimeoutException>(() => b.CreateKeyAsync("refused"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"The refusal took {clock.Elapsed}.");
        }
        finally
        {
            await _server.StartAgainAsync();
        }

        // Both nodes recover without a restart of their own.
        foreach (var kms in new[] { a, b })
        {
            var recovered = await EventuallyAsync(() => kms.CreateKeyAsync("after the outage"));
            await kms.EncryptAsync(recovered.KeyId, "works");
        }
        await stop.CancelAsync();
        await load;
        foreach (var keyId in acknowledged)
        {
            Assert.Equal(KeyState.Enabled, (await b.DescribeAsync(keyId)).KeyState);
        }
    }

    [Fact]
    public async Task A_PostgreSQL_server_that_stops_answering_stalls_a_node_once_for_a_bounded_time_then_cached_crypto_goes_on()
    {
        using var a = _cluster.Kms(0);
        var key = await a.CreateKeyAsync("cached before the silence");
        var blob = await a.EncryptAsync(key.KeyId, "before the silence");

        await _server.FreezeAsync();
        try
        {
            // Past the change feed's trust window (2 s) the node checks its caches, and finds the database silent.
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            var clock = Stopwatch.StartNew();
            Assert.Equal("before the silence", Text((await a.DecryptAsync(blob)).Plaintext));
            // A statement's timeout (5 s) plus twice the connect timeout (3 s), which Npgsql spends cancelling it.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"The first request during the silence took {clock.Elapsed}.");
            for (var i = 0; i < 5; i++)
            {
                clock.Restart();
                await a.EncryptAsync(key.KeyId, "during the silence");
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"A request after the first took {clock.Elapsed}.");
                await Task.Delay(300);
            }
            clock.Restart();
            await Assert.ThrowsAsync<DependencyTimeoutException>(() => a.CreateKeyAsync("refused"));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"The refusal took {clock.Elapsed}.");
        }
        finally
        {
            await _server.ThawAsync();
        }

        var recovered = await EventuallyAsync(() => a.CreateKeyAsync("after the silence"));
        await a.EncryptAsync(recovered.KeyId, "works");
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> call)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call();
            }
            catch (AmazonKeyManagementServiceException) when (deadline.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(200);
            }
        }
    }
}
