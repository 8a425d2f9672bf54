using Trent.Core.Storage;

namespace Trent.Storage.Contract;

/// <summary>The <see cref="IMetaStore"/> contract.</summary>
public abstract class MetaStoreContract : StoreContract
{
    [Fact]
    public async Task Get_of_an_unset_name_returns_null()
    {
        await Meta.GetOrSetAsync("set", "value");

        Assert.Null(await Meta.GetAsync("unset"));
    }

    [Fact]
    public async Task Get_or_set_stores_the_first_value_and_returns_it_thereafter()
    {
        var first = await Meta.GetOrSetAsync("root-key-check", "first");
        var second = await Meta.GetOrSetAsync("root-key-check", "second");

        Assert.Equal("first", first);
        Assert.Equal("first", second);
        Assert.Equal("first", await Meta.GetAsync("root-key-check"));
    }

    [Fact]
    public async Task Names_are_independent()
    {
        await Meta.GetOrSetAsync("a", "1");
        await Meta.GetOrSetAsync("b", "2");

        Assert.Equal("1", await Meta.GetAsync("a"));
        Assert.Equal("2", await Meta.GetAsync("b"));
    }

    [Fact]
    public async Task Concurrent_get_or_set_calls_all_return_the_one_stored_value()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(async () => await Meta.GetOrSetAsync("contended", $"value-{i}"))));

        var stored = await Meta.GetAsync("contended");
        Assert.NotNull(stored);
        Assert.All(results, r => Assert.Equal(stored, r));
    }
}
