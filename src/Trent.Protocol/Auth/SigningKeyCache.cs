using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Trent.Protocol.Auth;

/// <summary>
/// Derived signing keys by access key, date, region and service: a key's signing key changes once a day, so
/// the four-HMAC derivation need not run on every request.
/// </summary>
/// <remarks>
/// Each entry remembers a SHA-256 of the secret it was derived from and is used only while the key's
/// current secret hashes the same, so a rotated or replaced secret never verifies with an old derived key.
/// Only keys that verified a signature are added, so unauthenticated callers cannot fill the cache; when
/// it is full it is emptied, which costs at most one derivation per active key.
/// </remarks>
internal sealed class SigningKeyCache(int capacity)
{
    private readonly ConcurrentDictionary<Key, Entry> _entries = new();

    internal int Count => _entries.Count;

    public bool TryGet(in CredentialScope scope, ReadOnlySpan<byte> secret, Span<byte> signingKey)
    {
        if (!_entries.TryGetValue(new Key(scope), out var entry))
        {
            return false;
        }

        Span<byte> fingerprint = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(secret, fingerprint);
        if (!CryptographicOperations.FixedTimeEquals(fingerprint, entry.SecretFingerprint))
        {
            return false;
        }

        entry.SigningKey.CopyTo(signingKey);
        return true;
    }

    public void Add(in CredentialScope scope, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> signingKey)
    {
        // Count takes every lock of the dictionary: acceptable here, on a miss that verified.
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        _entries[new Key(scope)] = new Entry(SHA256.HashData(secret), signingKey.ToArray());
    }

    private readonly record struct Key(string AccessKeyId, string Date, string Region, string Service)
    {
        public Key(in CredentialScope scope)
            : this(scope.AccessKeyId, scope.Date, scope.Region, scope.Service)
        {
        }
    }

    private sealed record Entry(byte[] SecretFingerprint, byte[] SigningKey);
}
