using Amazon.KeyManagementService.Model;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.ScaleOut;

/// <summary>A node killed with kill -9 in the middle of writes: every write it acknowledged is there, on every other node.</summary>
public sealed class NodeCrashTests : IAsyncLifetime
{
    private TrentCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TrentCluster.StartAsync(2);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Killing_a_node_during_writes_loses_nothing_it_acknowledged_and_the_other_node_keeps_writing()
    {
        using var a = _cluster.Kms(0);
        using var b = _cluster.Kms(1);
        var acknowledged = new List<(string KeyId, string Description)>();
        // Set just before the kill: from then on, a write may fail (it was not acknowledged), and the writers stop.
        using var killing = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !killing.IsCancellationRequested; i++)
            {
                try
                {
                    var key = await a.CreateKeyAsync($"writer {w} key {i}");
                    await a.UpdateKeyDescriptionAsync(new UpdateKeyDescriptionRequest { KeyId = key.KeyId, Description = $"updated {w}/{i}" });
                    lock (acknowledged)
                    {
                        acknowledged.Add((key.KeyId, $"updated {w}/{i}"));
                    }
                }
                catch (Exception) when (killing.IsCancellationRequested)
                {
                    return;
                }
            }
        })).ToList();

        // Killed mid-stream: once the writers have had acknowledgements (a slow machine may need a while for the first).
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (AcknowledgedCount() < 20 && deadline.Elapsed < TimeSpan.FromSeconds(30) && !writers.Any(w => w.IsCompleted))
        {
            await Task.Delay(50);
        }
        await killing.CancelAsync();
        await _cluster[0].KillAsync();
        await Task.WhenAll(writers);

        Assert.True(acknowledged.Count >= 20, $"Only {acknowledged.Count} writes were acknowledged before the kill.");
        foreach (var (keyId, description) in acknowledged)
        {
            Assert.Equal(description, (await b.DescribeAsync(keyId)).Description);
        }
        // The survivor's own writes neither fail nor stall on the dead node's acknowledgements.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var survivor = await b.CreateKeyAsync("after the crash");
        await b.DisableKeyAsync(new DisableKeyRequest { KeyId = survivor.KeyId });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Writes on the survivor took {clock.Elapsed}.");

        int AcknowledgedCount()
        {
            lock (acknowledged)
            {
                return acknowledged.Count;
            }
        }
    }
}
