using System.Diagnostics;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using Trent.Server.Hosting;
using Trent.Server.Maintenance;
using Trent.Storage.Postgres;
using Trent.Testing.Postgres;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.ScaleOut;

/// <summary>
/// Background deletion and rotation run only on the node holding the maintenance lease: while another node holds it a
/// node's sweeps do nothing, and when the holder stops renewing it (it died), the node takes over by itself.
/// </summary>
public sealed class MaintenanceLeaseTests
{
    [Fact]
    public async Task A_node_sweeps_only_once_the_node_holding_the_lease_has_stopped_renewing_it()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("trent_lease");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = new TrentOptions
        {
            DataDir = Path.Combine(Path.GetTempPath(), "trent-lease-" + Guid.NewGuid().ToString("N")[..12]),
            Urls = "http://127.0.0.1:0",
            Storage = StorageKind.Postgres,
            PostgresConnectionString = database,
            MaintenanceInterval = TimeSpan.FromSeconds(1),
        };
        await using var cleanup = new DeletedAfterwards(options.DataDir);
        // Another node holds the lease, renewing it as a live holder does, for as long as this test lets it live.
        await using var otherNode = await PostgresStore.OpenAsync(database);
        var held = TimeSpan.FromSeconds(5);
        Assert.True(await otherNode.Leases.TryAcquireAsync(MaintenanceLease.Name, "the other node", held));
        using var otherNodeDies = new CancellationTokenSource();
        var renewing = RenewAsync(otherNode, held, otherNodeDies.Token);
        await using var host = await TrentHost.StartAsync(options, new TrentHostOverrides { DomainClock = clock });
        var root = host.CreatedCredentials!;
        using var kms = new AmazonKeyManagementServiceClient(new BasicAWSCredentials(root.AccessKeyId, root.SecretAccessKey),
            new AmazonKeyManagementServiceConfig { ServiceURL = host.BaseAddress.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        var key = await kms.CreateKeyAsync("due for deletion");
        await kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = key.KeyId, PendingWindowInDays = 7 });

        // Due, but for several of this node's sweeps another node holds the lease: the key stays.
        clock.Advance(TimeSpan.FromDays(8));
        for (var tick = 0; tick < 6; tick++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(250);
        }
        Assert.Equal(KeyState.PendingDeletion, (await kms.DescribeAsync(key.KeyId)).KeyState);

        // The holder dies: once its lease has run out, this node's next sweep takes the lease and deletes the key.
        await otherNodeDies.CancelAsync();
        await renewing;
        var diedAt = Stopwatch.StartNew();
        while (true)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(200);
            try
            {
                await kms.DescribeAsync(key.KeyId);
            }
            catch (NotFoundException)
            {
                return;
            }
            Assert.True(diedAt.Elapsed < held + TimeSpan.FromSeconds(15), "The key was not deleted after the dead node's lease ran out.");
        }
    }

    private static async Task RenewAsync(PostgresStore node, TimeSpan held, CancellationToken dies)
    {
        while (!dies.IsCancellationRequested)
        {
            Assert.True(await node.Leases.TryAcquireAsync(MaintenanceLease.Name, "the other node", held, CancellationToken.None));
            try
            {
                await Task.Delay(held / 5, dies);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>Deletes a test's data directory once everything declared after it is disposed.</summary>
internal sealed class DeletedAfterwards(string directory) : IAsyncDisposable
{
    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        return ValueTask.CompletedTask;
    }
}
