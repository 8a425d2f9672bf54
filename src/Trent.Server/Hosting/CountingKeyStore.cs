using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Server.Hosting;

/// <summary>An <see cref="IKeyStore"/> that counts every call before passing it on, so the hot path's storage use is observable.</summary>
/// <param name="source">Who calls through this instance: <see cref="StorageCallCounter.Request"/> or <see cref="StorageCallCounter.Maintenance"/>.</param>
internal sealed class CountingKeyStore(IKeyStore inner, TrentMetrics metrics, string source) : IKeyStore
{
    private readonly StorageCallCounter _count = new(metrics, "keys", source);

    public ValueTask<StoredKey?> GetKeyAsync(KeyArn arn, CancellationToken ct = default)
    {
        _count.Add("GetKey");
        return inner.GetKeyAsync(arn, ct);
    }

    public ValueTask<long?> GetKeyVersionAsync(KeyArn arn, CancellationToken ct = default)
    {
        _count.Add("GetKeyVersion");
        return inner.GetKeyVersionAsync(arn, ct);
    }

    public ValueTask CreateKeyAsync(KmsKey key, StoredMaterial? material, CancellationToken ct = default)
    {
        _count.Add("CreateKey");
        return inner.CreateKeyAsync(key, material, ct);
    }

    public ValueTask<KmsKey?> TryUpdateKeyAsync(KmsKey key, StoredMaterial? newMaterial, CancellationToken ct = default)
    {
        _count.Add("TryUpdateKey");
        return inner.TryUpdateKeyAsync(key, newMaterial, ct);
    }

    public ValueTask<bool> DeleteKeyAsync(KeyArn arn, CancellationToken ct = default)
    {
        _count.Add("DeleteKey");
        return inner.DeleteKeyAsync(arn, ct);
    }

    public ValueTask<IReadOnlyList<KeyArn>> ListKeysAsync(string accountId, string region, string? afterKeyId, int limit, CancellationToken ct = default)
    {
        _count.Add("ListKeys");
        return inner.ListKeysAsync(accountId, region, afterKeyId, limit, ct);
    }

    public ValueTask<long> CountKeysAsync(string accountId, string region, CancellationToken ct = default)
    {
        _count.Add("CountKeys");
        return inner.CountKeysAsync(accountId, region, ct);
    }

    public ValueTask<IReadOnlyList<KeyArn>> ListKeysDueAsync(DateTimeOffset now, int limit, CancellationToken ct = default)
    {
        _count.Add("ListKeysDue");
        return inner.ListKeysDueAsync(now, limit, ct);
    }

    public ValueTask<KeyAlias?> GetAliasAsync(string accountId, string region, string aliasName, CancellationToken ct = default)
    {
        _count.Add("GetAlias");
        return inner.GetAliasAsync(accountId, region, aliasName, ct);
    }

    public ValueTask<bool> TryCreateAliasAsync(KeyAlias alias, CancellationToken ct = default)
    {
        _count.Add("TryCreateAlias");
        return inner.TryCreateAliasAsync(alias, ct);
    }

    public ValueTask<bool> TryUpdateAliasAsync(KeyAlias alias, CancellationToken ct = default)
    {
        _count.Add("TryUpdateAlias");
        return inner.TryUpdateAliasAsync(alias, ct);
    }

    public ValueTask<bool> DeleteAliasAsync(string accountId, string region, string aliasName, CancellationToken ct = default)
    {
        _count.Add("DeleteAlias");
        return inner.DeleteAliasAsync(accountId, region, aliasName, ct);
    }

    public ValueTask<IReadOnlyList<KeyAlias>> ListAliasesAsync(
        string accountId, string region, string? targetKeyId, string? afterAliasName, int limit, CancellationToken ct = default)
    {
        _count.Add("ListAliases");
        return inner.ListAliasesAsync(accountId, region, targetKeyId, afterAliasName, limit, ct);
    }

    public ValueTask<int> CountAliasesAsync(string accountId, string region, string targetKeyId, CancellationToken ct = default)
    {
        _count.Add("CountAliases");
        return inner.CountAliasesAsync(accountId, region, targetKeyId, ct);
    }
}
