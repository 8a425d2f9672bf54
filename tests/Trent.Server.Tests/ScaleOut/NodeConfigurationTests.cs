using Amazon.KeyManagementService.Model;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.ScaleOut;

/// <summary>A node takes its storage settings from the environment as well as from its command line.</summary>
[Collection(nameof(ThreeNodes))]
public sealed class NodeConfigurationTests(ThreeNodes nodes)
{
    private TrentCluster Cluster => nodes.Cluster;

    [Fact]
    public async Task A_node_configured_through_TRENT_STORAGE_and_TRENT_POSTGRES_joins_the_cluster()
    {
        using var a = Cluster.Kms(0);
        var key = await a.CreateKeyAsync("made before the node joined");
        await a.EncryptAsync(key.KeyId, "cached on A");

        var node = await Cluster.AddNodeConfiguredByEnvironmentAsync(new Dictionary<string, string>
        {
            ["TRENT_STORAGE"] = "postgres",
            ["TRENT_POSTGRES"] = Cluster.ConnectionString,
        });

        Assert.False(node.HasExited, node.Output);
        using var joined = node.Kms(Cluster.Root);
        await joined.EncryptAsync(key.KeyId, "served by the new node");
        // It is a peer like the others: its writes reach their caches at once.
        await joined.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });
        await Assert.ThrowsAsync<DisabledException>(() => a.EncryptAsync(key.KeyId, "refused on A"));
    }

    [Fact]
    public async Task TRENT_STORAGE_postgres_without_a_connection_string_stops_the_start_with_a_clear_error()
    {
        var node = await Cluster.AddNodeConfiguredByEnvironmentAsync(new Dictionary<string, string> { ["TRENT_STORAGE"] = "postgres" });

        Assert.True(node.HasExited);
        Assert.NotEqual(0, node.ExitCode);
        Assert.Contains("--storage postgres needs a connection string", node.Output, StringComparison.Ordinal);
        Assert.Contains("TRENT_POSTGRES", node.Output, StringComparison.Ordinal);
    }
}
