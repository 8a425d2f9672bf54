namespace Trent.Server.Tests.ScaleOut;

/// <summary>Three <c>trent serve</c> processes on one PostgreSQL database, shared by the cross-node test classes.</summary>
public sealed class ThreeNodes : IAsyncLifetime
{
    public TrentCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await TrentCluster.StartAsync(3);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

/// <summary>The classes that share one <see cref="ThreeNodes"/> cluster (starting nodes costs seconds; the tests, milliseconds).</summary>
[CollectionDefinition(nameof(ThreeNodes))]
public sealed class ThreeNodesCollection : ICollectionFixture<ThreeNodes>;
