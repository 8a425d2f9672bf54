using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Trent.Core.Crypto;

/// <summary>
/// HMAC-SHA256 under one fixed key, reusing keyed contexts between calls. With OpenSSL 3, setting up an HMAC context
/// costs several times the hashing of a short input, and this runs on every request (key derivation, SigV4).
/// Safe for concurrent use; Dispose zeroes the key and frees the contexts.
/// </summary>
public sealed class KeyedHmac : IDisposable
{
    public const int Size = 32;

    private readonly byte[] _key;
    private readonly ConcurrentBag<IncrementalHash> _idle = [];
    private volatile bool _disposed;

    public KeyedHmac(ReadOnlySpan<byte> key) => _key = key.ToArray();

    public void Compute(ReadOnlySpan<byte> data, Span<byte> mac) => Compute(data, [], [], [], mac);

    /// <summary>The HMAC of the concatenation of the parts, without building it.</summary>
    public void Compute(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c, ReadOnlySpan<byte> d, Span<byte> mac)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_idle.TryTake(out var hmac))
        {
            hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        }
        try
        {
            hmac.AppendData(a);
            hmac.AppendData(b);
            hmac.AppendData(c);
            hmac.AppendData(d);
            hmac.GetHashAndReset(mac);
        }
        finally
        {
            if (_disposed)
            {
                hmac.Dispose();
            }
            else
            {
                _idle.Add(hmac);
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        CryptographicOperations.ZeroMemory(_key);
        while (_idle.TryTake(out var hmac))
        {
            hmac.Dispose();
        }
    }
}
