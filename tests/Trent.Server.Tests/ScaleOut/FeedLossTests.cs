using System.Diagnostics;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.ScaleOut;

/// <summary>
/// Nodes whose notification connections are cut (as a proxy or a database failover would cut them) miss the
/// notifications of writes committed meanwhile: they check their caches against the database instead of serving what
/// they hold, and listen again by themselves.
/// </summary>
[Collection(nameof(ThreeNodes))]
public sealed class FeedLossTests(ThreeNodes nodes)
{
    private const string CutEveryFeed =
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'trent-feed:%';";

    private TrentCluster Cluster => nodes.Cluster;

    [Fact]
    public async Task Changes_made_while_the_nodes_feeds_are_cut_are_served_by_every_node_at_once_and_the_feeds_come_back()
    {
        using var a = Cluster.Kms(0);
        using var b = Cluster.Kms(1);
        var key = await a.CreateKeyAsync("changed while the feeds are down");
        var name = "feedless-" + Guid.NewGuid().ToString("N")[..8];
        var user = await Cluster.NewUserAsync(name, """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}""");
        using var userOnB = Cluster[1].Kms(user.Keys);
        // B holds the key and the user's access key in its caches.
        await b.EncryptAsync(key.KeyId, "warm");
        await userOnB.ListKeysAsync(new ListKeysRequest());

        for (var round = 0; round < 4; round++)
        {
            await Cluster.ExecuteAsync(CutEveryFeed);
            if (round % 2 == 0)
            {
                await a.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });
                await Assert.ThrowsAsync<DisabledException>(() => b.EncryptAsync(key.KeyId, "refused"));
            }
            else
            {
                await a.EnableKeyAsync(new EnableKeyRequest { KeyId = key.KeyId });
                await b.EncryptAsync(key.KeyId, "allowed");
            }
        }
        await Cluster.ExecuteAsync(CutEveryFeed);
        await Cluster.Boto(0).IamAsync("UpdateAccessKey", new { UserName = name, AccessKeyId = user.Keys.AccessKeyId, Status = "Inactive" });
        var refused = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() => userOnB.ListKeysAsync(new ListKeysRequest()));
        Assert.Equal("UnrecognizedClientException", refused.ErrorCode);

        var deadline = Stopwatch.StartNew();
        while (!Cluster.Nodes.Take(3).All(n => n.Output.Contains("The change feed listens on PostgreSQL again", StringComparison.Ordinal)))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(15), "A node's change feed did not listen again within 15 seconds.");
            await Task.Delay(50);
        }
    }
}
