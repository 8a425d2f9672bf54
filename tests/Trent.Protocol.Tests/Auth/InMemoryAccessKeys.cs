using System.Collections.Concurrent;
using System.Text;
using Trent.Protocol.Auth;

namespace Trent.Protocol.Tests.Auth;

/// <summary>An access key source over a dictionary, counting its lookups.</summary>
internal sealed class InMemoryAccessKeys : IAccessKeySource
{
    private readonly ConcurrentDictionary<string, AccessKeySecret> _keys = new(StringComparer.Ordinal);
    private int _lookups;

    public int Lookups => _lookups;

    public InMemoryAccessKeys Add(TestKey key, bool active = true)
    {
        _keys[key.AccessKeyId] = new AccessKeySecret(key.Identity, Encoding.UTF8.GetBytes(key.Secret), active);
        return this;
    }

    /// <summary>Gives the key a new secret, as a rotation in the store would.</summary>
    public void ReplaceSecret(string accessKeyId, string secret) =>
        _keys[accessKeyId] = _keys[accessKeyId] with { SecretAccessKey = Encoding.UTF8.GetBytes(secret) };

    public ValueTask<AccessKeySecret?> FindAsync(string accessKeyId, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _lookups);
        return ValueTask.FromResult(_keys.GetValueOrDefault(accessKeyId));
    }
}
