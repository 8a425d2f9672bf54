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
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
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
                catch (Exception) when (_cluster[0].HasExited || stop.IsCancellationRequested)
                {
                    return;
                }
                catch (HttpRequestException)
                {
                    return;
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(2));
        await _cluster[0].KillAsync();
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.NotEmpty(acknowledged);
        foreach (var (keyId, description) in acknowledged)
        {
            Assert.Equal(description, (await b.DescribeAsync(keyId)).Description);
        }
        // The survivor's own writes neither fail nor stall on the dead node's acknowledgements.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var survivor = await b.CreateKeyAsync("after the crash");
        await b.DisableKeyAsync(new DisableKeyRequest { KeyId = survivor.KeyId });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Writes on the survivor took {clock.Elapsed}.");
    }
}
