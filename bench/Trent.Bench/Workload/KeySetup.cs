using System.Diagnostics;
using System.Security.Cryptography;
using Trent.Bench.Http;
using Trent.Bench.Servers;

namespace Trent.Bench.Workload;

/// <summary>Gives a target the keys the measured operations need, created through its own CreateKey (in parallel).</summary>
public static class KeySetup
{
    /// <summary>
    /// CreateKey commits one SQLite transaction each (synchronous=FULL); concurrent writers only wait on each other's
    /// lock, so setup creates keys over one connection, which is Trent's fastest way today (raise it once concurrent
    /// commits are batched). Encrypts run in parallel.
    /// </summary>
    private const int CreateParallelism = 1;
    private const int Parallelism = 16;

    /// <summary>Sign and GenerateMac are measured against a few keys; the key-count comparison is about symmetric keys.</summary>
    private const int AsymmetricKeys = 10;

    public static async Task<BenchKeys> CreateAsync(TargetInstance target, IReadOnlyCollection<BenchOperation> operations, TextWriter log)
    {
        var kinds = operations.Select(o => o.Keys).ToHashSet();
        var needCiphertexts = operations.Contains(BenchOperation.Decrypt);
        if (target.Kind == TargetKind.Ceiling)
        {
            return FakeKeys(target.KeyCount, needCiphertexts);
        }

        var symmetric = await CreateKeysAsync(target, KeyKind.Symmetric, target.KeyCount);
        if (symmetric.Refusal is not null)
        {
            throw new InvalidOperationException($"{target.Name} could not create a symmetric key: {symmetric.Refusal}");
        }
        log.WriteLine($"  {target.Name}: created {symmetric.Ids.Length} symmetric keys ({symmetric.PerSecond:F0} CreateKey/s over {CreateParallelism} connection)");

        var ecc = kinds.Contains(KeyKind.EccP256) ? await CreateKeysAsync(target, KeyKind.EccP256, Math.Min(target.KeyCount, AsymmetricKeys)) : Created.None;
        var hmac = kinds.Contains(KeyKind.Hmac256) ? await CreateKeysAsync(target, KeyKind.Hmac256, Math.Min(target.KeyCount, AsymmetricKeys)) : Created.None;
        var keys = new BenchKeys
        {
            Symmetric = symmetric.Ids,
            Ciphertexts = needCiphertexts ? await EncryptOnceEachAsync(target, symmetric.Ids) : [],
            CreateKeyPerSecond = symmetric.PerSecond,
            Ecc = ecc.Ids,
            Hmac = hmac.Ids,
        };
        if (ecc.Refusal is not null)
        {
            keys.Unavailable[KeyKind.EccP256] = ecc.Refusal;
        }
        if (hmac.Refusal is not null)
        {
            keys.Unavailable[KeyKind.Hmac256] = hmac.Refusal;
        }
        return keys;
    }

    private sealed record Created(string[] Ids, double PerSecond, string? Refusal)
    {
        public static readonly Created None = new([], 0, null);
    }

    private static async Task<Created> CreateKeysAsync(TargetInstance target, KeyKind kind, int count)
    {
        var body = BenchOperation.CreateKeyBody(kind);
        var ids = new string[Math.Max(count, 1)];
        // One first, so that a target without this kind of key answers once rather than count times.
        using (var first = await HttpConnection.OpenAsync(target.Endpoint))
        {
            var (status, text) = await KmsCall.SendAsync(first, target.Signer, "CreateKey", body);
            if (status != 200)
            {
                return new Created([], 0, $"CreateKey {kind}: {KmsCall.ErrorType(status, text)}");
            }
            ids[0] = KmsCall.ReadString(text, "KeyId", "KeyMetadata");
        }
        var started = Stopwatch.GetTimestamp();
        await ParallelCalls.RunAsync(target.Endpoint, ids.Length - 1, CreateParallelism, async (connection, i) =>
        {
            var (status, text) = await KmsCall.SendAsync(connection, target.Signer, "CreateKey", body);
            ids[i + 1] = status == 200
                ? KmsCall.ReadString(text, "KeyId", "KeyMetadata")
                : throw new InvalidOperationException($"{target.Name} CreateKey failed: {KmsCall.ErrorType(status, text)}");
        });
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new Created(ids, ids.Length > 1 ? (ids.Length - 1) / seconds : 0, null);
    }

    private static async Task<string[]> EncryptOnceEachAsync(TargetInstance target, string[] keyIds)
    {
        var blobs = new string[keyIds.Length];
        await ParallelCalls.RunAsync(target.Endpoint, keyIds.Length, Parallelism, async (connection, i) =>
        {
            var (status, text) = await KmsCall.SendAsync(connection, target.Signer, "Encrypt", BenchOperation.Encrypt.Body(keyIds[i], null));
            blobs[i] = status == 200
                ? KmsCall.ReadString(text, "CiphertextBlob")
                : throw new InvalidOperationException($"{target.Name} Encrypt (setup for Decrypt) failed: {KmsCall.ErrorType(status, text)}");
        });
        return blobs;
    }

    /// <summary>The ceiling answers anything: made-up ids and blobs of Trent's sizes keep its requests as large as the others'.</summary>
    private static BenchKeys FakeKeys(int count, bool ciphertexts)
    {
        var ids = Enumerable.Range(0, Math.Max(count, 1)).Select(_ => Guid.NewGuid().ToString()).ToArray();
        return new BenchKeys
        {
            Symmetric = ids,
            Ciphertexts = ciphertexts ? ids.Select(_ => Convert.ToBase64String(RandomNumberGenerator.GetBytes(206))).ToArray() : [],
            Ecc = ids.Take(AsymmetricKeys).ToArray(),
            Hmac = ids.Take(AsymmetricKeys).ToArray(),
        };
    }
}
