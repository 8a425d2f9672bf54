using System.Collections.Concurrent;

namespace Trent.Core.Keys;

/// <summary>
/// Bounded in-memory cache of live keys and alias targets, so the cryptographic hot path never touches storage.
/// Writers bump an epoch after they commit; a reader only caches what it loaded if no write happened meanwhile,
/// so a stale load never overwrites a committed change.
/// </summary>
public sealed class KeyCache(int capacity = KeyCache.DefaultCapacity)
{
    public const int DefaultCapacity = 250_000;

    private readonly ConcurrentDictionary<KeyArn, LiveKey> _keys = new();
    private readonly ConcurrentDictionary<(string Account, string Region, string Alias), string> _aliases = new();
    private long _epoch;

    public long Epoch => Volatile.Read(ref _epoch);

    public int Count => _keys.Count;

    /// <summary>Acquires a cached key; false when it is not cached.</summary>
    public bool TryAcquire(KeyArn arn, out KeyLease lease)
    {
        if (_keys.TryGetValue(arn, out var live) && live.TryAcquire())
        {
            lease = new KeyLease(live);
            return true;
        }
        lease = default;
        return false;
    }

    /// <summary>Caches a freshly loaded key if no write happened since <paramref name="epochAtLoad"/>; returns a lease on it.</summary>
    public KeyLease AddLoaded(KeyArn arn, LiveKey loaded, long epochAtLoad)
    {
        // The caller's reference: taken before the cache may drop its own.
        loaded.TryAcquire();
        if (Epoch == epochAtLoad && _keys.TryAdd(arn, loaded))
        {
            TrimIfNeeded();
        }
        else
        {
            loaded.Release();
        }
        return new KeyLease(loaded);
    }

    /// <summary>Drops a key after a committed change; in-flight requests keep their leases.</summary>
    public void Invalidate(KeyArn arn)
    {
        Interlocked.Increment(ref _epoch);
        if (_keys.TryRemove(arn, out var old))
        {
            old.Release();
        }
    }

    public bool TryGetAlias(string account, string region, string alias, out string? keyId) =>
        _aliases.TryGetValue((account, region, alias), out keyId);

    public void AddAlias(string account, string region, string alias, string keyId, long epochAtLoad)
    {
        if (Epoch == epochAtLoad)
        {
            _aliases.TryAdd((account, region, alias), keyId);
        }
    }

    /// <summary>Drops every cached alias; alias writes are rare, and a key deletion removes its aliases too.</summary>
    public void InvalidateAliases()
    {
        Interlocked.Increment(ref _epoch);
        _aliases.Clear();
    }

    private void TrimIfNeeded()
    {
        if (_keys.Count <= capacity)
        {
            return;
        }
        var excess = _keys.Count - capacity + capacity / 10;
        foreach (var arn in _keys.Keys.Take(excess).ToList())
        {
            if (_keys.TryRemove(arn, out var evicted))
            {
                evicted.Release();
            }
        }
        if (_aliases.Count > capacity)
        {
            _aliases.Clear();
        }
    }
}
