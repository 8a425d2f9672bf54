using System.Collections.Concurrent;

namespace Trent.Core.Crypto.Asymmetric;

/// <summary>
/// A small pool of .NET key objects made from the same material. .NET does not promise that one RSA or ECDsa
/// instance is safe under concurrent calls, so each call rents its own instance instead of re-importing the key.
/// </summary>
internal sealed class InstancePool<T>(Func<T> create) : IDisposable
    where T : class, IDisposable
{
    private readonly ConcurrentBag<T> _idle = [];
    private readonly int _capacity = Math.Max(2, Environment.ProcessorCount);
    private volatile bool _disposed;

    public Lease Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new Lease(this, _idle.TryTake(out var idle) ? idle : create());
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var instance))
        {
            instance.Dispose();
        }
    }

    private void Return(T instance)
    {
        if (_disposed || _idle.Count >= _capacity)
        {
            instance.Dispose();
            return;
        }
        _idle.Add(instance);
        // A Dispose that ran between the check and the Add would leave this instance behind: drain again.
        if (_disposed)
        {
            Dispose();
        }
    }

    /// <summary>One rented instance; disposing the lease gives it back.</summary>
    public readonly struct Lease(InstancePool<T> pool, T instance) : IDisposable
    {
        public T Instance { get; } = instance;

        public void Dispose() => pool.Return(Instance);
    }
}
