namespace Trent.Core.Storage;

/// <summary>
/// Whether this node's caches may answer without asking the store. Every cached entry keeps the <see cref="Stamp"/> it
/// was loaded under; it is current while the change feed has run without a gap since then (the stamp is unchanged) and
/// has recently proven that it delivers every change committed elsewhere. An entry that is not current is checked
/// against the store before use, and used as it is only when the store cannot be reached.
/// </summary>
public sealed class CacheFreshness
{
    private readonly bool _single;
    private long _stamp;

    // Environment.TickCount64 until which the feed has proven itself; 0 until it first does.
    private long _currentUntil;

    private CacheFreshness(bool single) => _single = single;

    /// <summary>For a store only this process writes (SQLite): every writer invalidates the caches itself, so entries stay current.</summary>
    public static CacheFreshness SingleNode { get; } = new(single: true);

    /// <summary>For a store other nodes write: nothing is current until the feed has proven itself.</summary>
    public static CacheFreshness Fed() => new(single: false);

    /// <summary>The stamp to keep with an entry whose load starts now.</summary>
    public long Stamp => Volatile.Read(ref _stamp);

    /// <summary>Whether the feed is proven now, so that entries loaded under the current stamp may be used as they are.</summary>
    public bool IsTrusted => _single || Environment.TickCount64 < Volatile.Read(ref _currentUntil);

    /// <summary>Whether an entry loaded under <paramref name="stamp"/> may be used without asking the store.</summary>
    public bool IsCurrent(long stamp) => stamp == Stamp && IsTrusted;

    /// <summary>
    /// The feed (re)started listening: changes committed before it listened may never be announced, so every entry
    /// loaded until now must be checked against the store once.
    /// </summary>
    public void Restarted()
    {
        Interlocked.Increment(ref _stamp);
    }

    /// <summary>The feed has delivered every change committed before its probe; entries are current until <paramref name="untilTick"/>.</summary>
    public void ProvenUntil(long untilTick)
    {
        var seen = Volatile.Read(ref _currentUntil);
        while (untilTick > seen)
        {
            var previous = Interlocked.CompareExchange(ref _currentUntil, untilTick, seen);
            if (previous == seen)
            {
                return;
            }
            seen = previous;
        }
    }

    /// <summary>The feed lost its connection: nothing is current until it has listened again and proven itself.</summary>
    public void Lost() => Volatile.Write(ref _currentUntil, 0);
}
