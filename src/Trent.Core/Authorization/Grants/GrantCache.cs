using System.Collections.Concurrent;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Core.Authorization.Grants;

/// <summary>
/// The grants of recently used keys, so that authorizing a request by grant, and checking its grant tokens, does not
/// read the store every time. Every grant write and key deletion invalidates its key; a load that raced with an
/// invalidation is used once but not kept. Bounded by the number of grants held: a full cache starts over. Grants
/// the change feed cannot vouch for (<see cref="CacheFreshness"/>) are read again, or used as they are while the store
/// cannot be reached.
/// </summary>
public sealed class GrantCache(IGrantStore store, int capacity = GrantCache.DefaultCapacity, CacheFreshness? freshness = null)
{
    public const int DefaultCapacity = 100_000;

    private const int LoadPage = 1000;

    private readonly CacheFreshness _freshness = freshness ?? CacheFreshness.SingleNode;
    private readonly ConcurrentDictionary<KeyArn, (KeyGrants Grants, long Stamp)> _keys = new();
    private readonly Lock _writes = new();
    private long _epoch;
    private int _held;

    /// <summary>The key's grants, from memory when cached.</summary>
    public ValueTask<KeyGrants> GetAsync(KeyArn key, CancellationToken ct = default)
    {
        if (!_keys.TryGetValue(key, out var cached))
        {
            return LoadAsync(key, ct);
        }
        return _freshness.IsCurrent(cached.Stamp) ? ValueTask.FromResult(cached.Grants) : ReloadAsync(key, cached.Grants, ct);
    }

    /// <summary>The key's grants read from the store now, replacing what is cached.</summary>
    public async ValueTask<KeyGrants> LoadAsync(KeyArn key, CancellationToken ct = default)
    {
        var epoch = Volatile.Read(ref _epoch);
        var stamp = _freshness.Stamp;
        var all = new List<Grant>();
        GrantPosition? after = null;
        while (true)
        {
            var page = await store.ListByKeyAsync(key, null, null, after, LoadPage, ct);
            all.AddRange(page);
            if (page.Count < LoadPage)
            {
                break;
            }
            after = GrantPosition.After(page[^1]);
        }
        var loaded = new KeyGrants(all);
        Keep(key, loaded, epoch, stamp);
        return loaded;
    }

    private async ValueTask<KeyGrants> ReloadAsync(KeyArn key, KeyGrants cached, CancellationToken ct)
    {
        try
        {
            return await LoadAsync(key, ct);
        }
        catch (KmsException e) when (StoreUnavailable.Is(e))
        {
            // An outage of the database must not stop requests authorized by grants already in memory.
            return cached;
        }
    }

    /// <summary>Forgets a key's grants after a write to them or the key's deletion.</summary>
    public void Invalidate(KeyArn key)
    {
        lock (_writes)
        {
            _epoch++;
            if (_keys.TryRemove(key, out var old))
            {
                _held -= Weight(old.Grants);
            }
        }
    }

    private void Keep(KeyArn key, KeyGrants loaded, long epochAtLoad, long stamp)
    {
        lock (_writes)
        {
            if (_epoch != epochAtLoad)
            {
                return;
            }
            if (_held + Weight(loaded) > capacity)
            {
                _keys.Clear();
                _held = 0;
            }
            if (_keys.TryRemove(key, out var old))
            {
                _held -= Weight(old.Grants);
            }
            _keys[key] = (loaded, stamp);
            _held += Weight(loaded);
        }
    }

    // A key without grants still takes an entry.
    private static int Weight(KeyGrants grants) => Math.Max(grants.Count, 1);
}
