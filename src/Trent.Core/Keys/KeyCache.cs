using System.Collections.Concurrent;
using Trent.Core.Storage;

namespace Trent.Core.Keys;

/// <summary>
/// Bounded in-memory cache of live keys and alias targets, so the cryptographic hot path never touches storage.
/// Writers bump an epoch after they commit; a reader only caches what it loaded if no write happened meanwhile,
/// so a stale load never overwrites a committed change. Each entry keeps the <see cref="CacheFreshness"/> stamp it was
/// loaded under: an entry that is not current (the change feed had a gap, or cannot vouch for itself now) is handed
/// out as such, for the caller to check against the store.
/// </summary>
public sealed class KeyCache(int capacity = KeyCache.DefaultCapacity, CacheFreshness? freshness = null)
{
    public const int DefaultCapacity = 250_000;

    private readonly CacheFreshness _freshness = freshness ?? CacheFreshness.SingleNode;
    private readonly ConcurrentDictionary<KeyArn, Entry<LiveKey>> _keys = new();
    private readonly ConcurrentDictionary<(string Account, string Region, string Alias), Entry<string>> _aliases = new();
    private long _epoch;

    public long Epoch => Volatile.Read(ref _epoch);

    /// <summary>Taken before a load from the store: the cache keeps the result only if no write happened since.</summary>
    public CacheTicket Ticket => new(Epoch, _freshness.Stamp);

    public int Count => _keys.Count;

    /// <summary>Acquires a cached key that may be used as it is; false when it is not cached or not current.</summary>
    public bool TryAcquire(KeyArn arn, out KeyLease lease)
    {
        if (!TryAcquire(arn, out lease, out var current))
        {
            return false;
        }
        if (current)
        {
            return true;
        }
        lease.Dispose();
        lease = default;
        return false;
    }

    /// <summary>Acquires a cached key, current or not; false when it is not cached.</summary>
    public bool TryAcquire(KeyArn arn, out KeyLease lease, out bool current)
    {
        if (_keys.TryGetValue(arn, out var entry) && entry.Value.TryAcquire())
        {
            lease = new KeyLease(entry.Value);
            current = _freshness.IsCurrent(entry.Stamp);
            return true;
        }
        lease = default;
        current = false;
        return false;
    }

    /// <summary>Caches a freshly loaded key if no write happened since <paramref name="ticket"/> was taken; returns a lease on it.</summary>
    public KeyLease AddLoaded(KeyArn arn, LiveKey loaded, CacheTicket ticket)
    {
        // The caller's reference: taken before the cache may drop its own.
        loaded.TryAcquire();
        if (Epoch != ticket.Epoch)
        {
            loaded.Release();
            return new KeyLease(loaded);
        }
        // Replaces what is cached: a concurrent load of the same commit, or an entry the store no longer confirmed.
        var entry = new Entry<LiveKey>(loaded, ticket.Stamp);
        while (true)
        {
            if (_keys.TryGetValue(arn, out var existing))
            {
                if (_keys.TryUpdate(arn, entry, existing))
                {
                    existing.Value.Release();
                    break;
                }
            }
            else if (_keys.TryAdd(arn, entry))
            {
                TrimIfNeeded();
                break;
            }
        }
        // An invalidation between the epoch check and the store must still win.
        if (Epoch != ticket.Epoch && _keys.TryRemove(KeyValuePair.Create(arn, entry)))
        {
            loaded.Release();
        }
        return new KeyLease(loaded);
    }

    /// <summary>Marks a cached key current again after the store confirmed it unchanged since <paramref name="ticket"/>.</summary>
    public void Confirm(KeyArn arn, LiveKey live, CacheTicket ticket)
    {
        if (Epoch == ticket.Epoch && _keys.TryGetValue(arn, out var entry) && ReferenceEquals(entry.Value, live))
        {
            entry.Stamp = ticket.Stamp;
        }
    }

    /// <summary>Drops a key after a committed change; in-flight requests keep their leases.</summary>
    public void Invalidate(KeyArn arn)
    {
        Interlocked.Increment(ref _epoch);
        if (_keys.TryRemove(arn, out var old))
        {
            old.Value.Release();
        }
    }

    /// <summary>The cached target of an alias, current or not; false when it is not cached.</summary>
    public bool TryGetAlias(string account, string region, string alias, out string? keyId, out bool current)
    {
        if (_aliases.TryGetValue((account, region, alias), out var entry))
        {
            keyId = entry.Value;
            current = _freshness.IsCurrent(entry.Stamp);
            return true;
        }
        keyId = null;
        current = false;
        return false;
    }

    public void AddAlias(string account, string region, string alias, string keyId, CacheTicket ticket)
    {
        if (Epoch == ticket.Epoch)
        {
            var entry = new Entry<string>(keyId, ticket.Stamp);
            _aliases[(account, region, alias)] = entry;
            // An invalidation between the epoch check and the store must still win.
            if (Epoch != ticket.Epoch)
            {
                _aliases.TryRemove(KeyValuePair.Create((account, region, alias), entry));
            }
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
                evicted.Value.Release();
            }
        }
        if (_aliases.Count > capacity)
        {
            _aliases.Clear();
        }
    }

    private sealed class Entry<T>(T value, long stamp)
    {
        private long _stamp = stamp;

        public T Value { get; } = value;

        public long Stamp
        {
            get => Volatile.Read(ref _stamp);
            set => Volatile.Write(ref _stamp, value);
        }
    }
}

/// <summary>The cache's epoch and freshness stamp as a load from the store starts.</summary>
public readonly record struct CacheTicket(long Epoch, long Stamp);
