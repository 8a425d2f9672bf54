using System.Security.Cryptography;

namespace Trent.Core.Crypto;

/// <summary>SHA-256 with a context per thread: one-shot hashing pays OpenSSL context setup on every call.</summary>
public static class Sha256Hasher
{
    [ThreadStatic]
    private static IncrementalHash? t_hash;

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        var hash = t_hash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(data);
        hash.GetHashAndReset(digest);
    }
}
