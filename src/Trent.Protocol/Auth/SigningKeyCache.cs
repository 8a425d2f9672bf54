using System.Collections.Concurrent;
using System.Security.Cryptography;
using Trent.Core.Crypto;

namespace Trent.Protocol.Auth;

/// <summary>
/// Derived signing keys by access key, date, region and service: a key's signing key changes once a day, so
/// the four-HMAC derivation need not run on every request.
/// </summary>
/// <remarks>
/// Each entry remembers the secret it was derived from and is used only while the key's current secret is the
/// same (compared in constant time), so a rotated or replaced secret never verifies with an old derived key.
/// Only keys that verified a signature are added, so unauthenticated callers cannot fill the cache; when
/// it is full it is emptied, which costs at most one derivation per active key.
/// </remarks>
internal sealed class SigningKeyCache(int capacity)
{
    private readonly ConcurrentDictionary<Key, Entry> _entries = new();

    internal int Count => _entries.Count;

    /// <summary>The HMAC keyed with the scope's signing key, if it is cached and was derived from this secret.</summary>
    public KeyedHmac? TryGet(in CredentialScope scope, ReadOnlySpan<byte> secret) =>
        _entries.TryGetValue(new Key(scope), out var entry) && CryptographicOperations.FixedTimeEquals(secret, entry.Secret)
            ? entry.Signer
            : null;

    public void Add(in CredentialScope scope, ReadOnlySpan<byte> secret, KeyedHmac signer)
    {
        // Count takes every lock of the dictionary: acceptable here, on a miss that verified. Dropped entries are not
        // disposed, as a request may still be signing with one; the collector reclaims them.
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        _entries[new Key(scope)] = new Entry(secret.ToArray(), signer);
    }

    private readonly record struct Key(string AccessKeyId, string Date, string Region, string Service)
    {
        public Key(in CredentialScope scope)
            : this(scope.AccessKeyId, scope.Date, scope.Region, scope.Service)
        {
        }
    }

    private sealed record Entry(byte[] Secret, KeyedHmac Signer);
}
