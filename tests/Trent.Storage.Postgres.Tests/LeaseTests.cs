using Trent.Storage.Postgres.Tests.Support;

namespace Trent.Storage.Postgres.Tests;

/// <summary>Leases: background work on exactly one node at a time, taken over when its holder stops renewing.</summary>
public sealed class LeaseTests : IAsyncLifetime
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);

    private TempSchema _schema = null!;
    private PostgresStore _a = null!;
    private PostgresStore _b = null!;

    public async Task InitializeAsync()
    {
        _schema = await TempSchema.CreateAsync();
        _a = await _schema.OpenAsync();
        _b = await _schema.OpenAsync();
    }

    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task A_free_lease_is_taken_and_another_holder_is_refused_while_it_runs()
    {
        Assert.True(await _a.Leases.TryAcquireAsync("work", "node-a", Long));

        Assert.False(await _b.Leases.TryAcquireAsync("work", "node-b", Long));
        Assert.True(await _a.Leases.TryAcquireAsync("work", "node-a", Long));
    }

    [Fact]
    public async Task Of_many_nodes_asking_at_once_exactly_one_gets_the_lease()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(async () => await (i % 2 == 0 ? _a : _b).Leases.TryAcquireAsync("work", $"node-{i}", Long))));

        Assert.Single(results, taken => taken);
    }

    [Fact]
    public async Task A_lease_whose_holder_stopped_renewing_is_taken_over_once_it_runs_out()
    {
        Assert.True(await _a.Leases.TryAcquireAsync("work", "node-a", TimeSpan.FromMilliseconds(300)));
        Assert.False(await _b.Leases.TryAcquireAsync("work", "node-b", Long));

        await Task.Delay(500);

        Assert.True(await _b.Leases.TryAcquireAsync("work", "node-b", Long));
        Assert.False(await _a.Leases.TryAcquireAsync("work", "node-a", Long));
    }

    [Fact]
    public async Task A_released_lease_is_free_at_once_and_only_its_holder_can_release_it()
    {
        Assert.True(await _a.Leases.TryAcquireAsync("work", "node-a", Long));

        await _b.Leases.ReleaseAsync("work", "node-b");
        Assert.False(await _b.Leases.TryAcquireAsync("work", "node-b", Long));
        await _a.Leases.ReleaseAsync("work", "node-a");

        Assert.True(await _b.Leases.TryAcquireAsync("work", "node-b", Long));
    }

    [Fact]
    public async Task Leases_of_different_names_are_independent()
    {
        Assert.True(await _a.Leases.TryAcquireAsync("rotation", "node-a", Long));

        Assert.True(await _b.Leases.TryAcquireAsync("deletion", "node-b", Long));
    }
}
