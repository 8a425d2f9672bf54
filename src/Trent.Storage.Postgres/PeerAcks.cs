using System.Collections.Concurrent;

namespace Trent.Storage.Postgres;

/// <summary>The writes of this node waiting for other nodes to acknowledge that they applied their changes.</summary>
internal sealed class PeerAcks
{
    private readonly ConcurrentDictionary<long, PeerWait> _waits = new();

    public PeerWait Expect(long sequence)
    {
        var wait = new PeerWait(this, sequence);
        _waits[sequence] = wait;
        return wait;
    }

    /// <summary><paramref name="peer"/> applied the changes of this node's write <paramref name="sequence"/>.</summary>
    public void Acknowledged(long sequence, string peer)
    {
        if (_waits.TryGetValue(sequence, out var wait))
        {
            wait.Acknowledged(peer);
        }
    }

    internal void Forget(long sequence) => _waits.TryRemove(sequence, out _);
}

/// <summary>One write's wait: complete once every expected peer has acknowledged (acknowledgements may come first).</summary>
internal sealed class PeerWait(PeerAcks owner, long sequence) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _acknowledged = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HashSet<string>? _expected;

    public Task Completion => _done.Task;

    public void Acknowledged(string peer)
    {
        lock (_lock)
        {
            _acknowledged.Add(peer);
            CompleteIfDone();
        }
    }

    public void ExpectFrom(IEnumerable<string> peers)
    {
        lock (_lock)
        {
            _expected = new HashSet<string>(peers, StringComparer.Ordinal);
            CompleteIfDone();
        }
    }

    public void Dispose() => owner.Forget(sequence);

    private void CompleteIfDone()
    {
        if (_expected is not null && _expected.IsSubsetOf(_acknowledged))
        {
            _done.TrySetResult();
        }
    }
}
