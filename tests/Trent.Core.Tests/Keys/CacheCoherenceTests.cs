using Trent.Core.Crypto;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Core.Tests.Keys;

/// <summary>
/// How the key catalog uses its cache when the change feed cannot vouch for it: a cached key is checked against the
/// store's row version (and reloaded when another node changed it), and used as it is only while the store is away.
/// </summary>
public sealed class CacheCoherenceTests : IDisposable
{
    private static readonly KeyArn Arn = new("111122223333", "us-east-1", "0b7b8c1e-6a2f-4c1e-9d7e-1f2a3b4c5d6e");

    private readonly RootKey _rootKey = new(new byte[32]);
    private readonly ReachableKeyStore _store = new();
    private readonly CacheFreshness _freshness = CacheFreshness.Fed();
    private readonly KeyCatalog _catalog;

    public CacheCoherenceTests()
    {
        _catalog = new KeyCatalog(_store, _rootKey, new KeyCache(freshness: _freshness), SystemRandomSource.Instance);
        _freshness.ProvenUntil(Environment.TickCount64 + 60_000);
    }

    public void Dispose() => _rootKey.Dispose();

    [Fact]
    public async Task While_the_feed_vouches_for_the_cache_a_cached_key_is_served_without_the_store()
    {
        await CreateAndCacheAsync();

        using var lease = await _catalog.GetAsync(Arn);

        Assert.Equal(0, _store.Reads);
    }

    [Fact]
    public async Task After_the_feed_restarted_a_cached_key_is_checked_by_version_once_and_then_served_from_memory()
    {
        await CreateAndCacheAsync();
        _freshness.Restarted();

        using (await _catalog.GetAsync(Arn))
        {
        }
        using (await _catalog.GetAsync(Arn))
        {
        }

        Assert.Equal((1, 0), (_store.VersionReads, _store.Reads));
    }

    [Fact]
    public async Task A_key_another_node_changed_while_the_feed_was_down_is_reloaded_not_served_stale()
    {
        await CreateAndCacheAsync();
        _freshness.Lost();
        _store.ChangeBehindTheCache(k => k with { State = KeyState.Disabled, Version = k.Version + 1 });

        using var lease = await _catalog.GetAsync(Arn);

        Assert.Equal(KeyState.Disabled, lease.Key.State);
    }

    [Fact]
    public async Task While_the_store_cannot_be_reached_a_cached_key_keeps_serving_and_an_uncached_one_fails_retryably()
    {
        await CreateAndCacheAsync();
        _freshness.Lost();
        _store.Unreachable = true;

        using var lease = await _catalog.GetAsync(Arn);
        var error = await Assert.ThrowsAsync<KmsException>(async () => await _catalog.GetAsync(Arn with { KeyId = "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f" }));

        Assert.Equal(KeyState.Enabled, lease.Key.State);
        Assert.Equal(KmsErrorCode.DependencyTimeoutException, error.Code);
    }

    private async Task CreateAndCacheAsync()
    {
        await _catalog.CreateAsync(new KmsKey { Arn = Arn, CreationDate = DateTimeOffset.UnixEpoch, Policy = "{}", CurrentMaterialId = new string('a', 64) },
            new byte[32]);
        using (await _catalog.GetAsync(Arn))
        {
        }
        _store.Reads = 0;
    }

    /// <summary>One key in memory; another node's writes are simulated by changing it behind the cache's back.</summary>
    private sealed class ReachableKeyStore : IKeyStore
    {
        private StoredKey? _key;

        public int Reads { get; set; }

        public int VersionReads { get; private set; }

        public bool Unreachable { get; set; }

        public void ChangeBehindTheCache(Func<KmsKey, KmsKey> change) => _key = _key! with { Key = change(_key.Key) };

        public ValueTask<StoredKey?> GetKeyAsync(KeyArn arn, CancellationToken ct = default)
        {
            Reach();
            Reads++;
            return ValueTask.FromResult(arn == _key?.Key.Arn ? _key : null);
        }

        public ValueTask<long?> GetKeyVersionAsync(KeyArn arn, CancellationToken ct = default)
        {
            Reach();
            VersionReads++;
            return ValueTask.FromResult(arn == _key?.Key.Arn ? _key.Key.Version : (long?)null);
        }

        public ValueTask CreateKeyAsync(KmsKey key, StoredMaterial? material, CancellationToken ct = default)
        {
            _key = new StoredKey(key, material is null ? [] : [material]);
            return ValueTask.CompletedTask;
        }

        private void Reach()
        {
            if (Unreachable)
            {
                throw StoreUnavailable.Exception("test: the store is away");
            }
        }

        public ValueTask<KmsKey?> TryUpdateKeyAsync(KmsKey key, StoredMaterial? newMaterial, CancellationToken ct = default) => throw new NotSupportedException();

        public ValueTask<bool> DeleteKeyAsync(KeyArn arn, CancellationToken ct = default) => throw new NotSupportedException();

        public ValueTask<IReadOnlyList<KeyArn>> ListKeysAsync(string accountId, string region, string? afterKeyId, int limit, CancellationToken ct = default) =>
            throw new NotSupportedException();

        public ValueTask<long> CountKeysAsync(string accountId, string region, CancellationToken ct = default) => throw new NotSupportedException();

        public ValueTask<IReadOnlyList<KeyArn>> ListKeysDueAsync(DateTimeOffset now, int limit, CancellationToken ct = default) => throw new NotSupportedException();

        public ValueTask<KeyAlias?> GetAliasAsync(string accountId, string region, string aliasName, CancellationToken ct = default) =>
            throw new NotSupportedException();

        public ValueTask<bool> TryCreateAliasAsync(KeyAlias alias, CancellationToken ct = default) => throw new NotSupportedException();

        public ValueTask<bool> TryUpdateAliasAsync(KeyAlias alias, CancellationToken ct = default) => throw new NotSupportedException();

        public ValueTask<bool> DeleteAliasAsync(string accountId, string region, string aliasName, CancellationToken ct = default) =>
            throw new NotSupportedException();

        public ValueTask<IReadOnlyList<KeyAlias>> ListAliasesAsync(
            string accountId, string region, string? targetKeyId, string? afterAliasName, int limit, CancellationToken ct = default) =>
            throw new NotSupportedException();

        public ValueTask<int> CountAliasesAsync(string accountId, string region, string targetKeyId, CancellationToken ct = default) =>
            throw new NotSupportedException();
    }
}
