namespace Trent.Core.Storage;

/// <summary>Named leases in the store, so that background work runs on one node at a time and moves on when that node dies.</summary>
public interface ILeaseStore
{
    /// <summary>
    /// Takes the lease for <paramref name="holder"/>, or renews it, for <paramref name="duration"/> from now; false while
    /// another holder's lease runs. The store's own clock decides, so nodes' clocks need not agree.
    /// </summary>
    ValueTask<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken ct = default);

    /// <summary>Gives the lease up early (a clean shutdown), if <paramref name="holder"/> still has it.</summary>
    ValueTask ReleaseAsync(string name, string holder, CancellationToken ct = default);
}

/// <summary>The leases of a store only one process serves: that process always holds them.</summary>
public sealed class SingleNodeLeases : ILeaseStore
{
    public static SingleNodeLeases Instance { get; } = new();

    public ValueTask<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken ct = default) =>
        ValueTask.FromResult(true);

    public ValueTask ReleaseAsync(string name, string holder, CancellationToken ct = default) => ValueTask.CompletedTask;
}
