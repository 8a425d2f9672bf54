namespace Trent.Core.Storage;

/// <summary>
/// How a node learns of changes that other nodes commit to the shared store, so that its caches forget them, and how
/// far its caches may trust themselves (<see cref="Freshness"/>).
/// </summary>
public interface IChangeFeed
{
    /// <summary>Raised for every change committed to the store by any node (this one's included), in commit order.</summary>
    event Action<StoreChange>? Changed;

    CacheFreshness Freshness { get; }

    /// <summary>Starts listening; completes once the feed has proven itself, or throws when the store cannot be reached.</summary>
    ValueTask StartAsync(CancellationToken ct = default);
}

/// <summary>The feed of a store only this process writes: its writers invalidate the caches themselves, so nothing is announced.</summary>
public sealed class SingleNodeChangeFeed : IChangeFeed
{
    public static SingleNodeChangeFeed Instance { get; } = new();

    public event Action<StoreChange>? Changed
    {
        add { }
        remove { }
    }

    public CacheFreshness Freshness => CacheFreshness.SingleNode;

    public ValueTask StartAsync(CancellationToken ct = default) => ValueTask.CompletedTask;
}
