using Trent.Core.Keys;

namespace Trent.Core.Storage;

/// <summary>A key material version as stored: metadata and the sealed material.</summary>
public sealed record StoredMaterial(KeyMaterialInfo Info, byte[] SealedMaterial);

/// <summary>A key with all of its retained material versions, oldest first.</summary>
public sealed record StoredKey(KmsKey Key, IReadOnlyList<StoredMaterial> Materials);

/// <summary>Keys, their material versions and aliases. Every method is one transaction.</summary>
public interface IKeyStore
{
    ValueTask<StoredKey?> GetKeyAsync(KeyArn arn, CancellationToken ct = default);

    /// <summary>
    /// The committed row version of the key, or null when it does not exist: the cheap check that tells a cache whether
    /// its copy is still the committed one.
    /// </summary>
    async ValueTask<long?> GetKeyVersionAsync(KeyArn arn, CancellationToken ct = default) =>
        (await GetKeyAsync(arn, ct))?.Key.Version;

    /// <summary>Inserts a new key (Version 1) and its first material, if any.</summary>
    ValueTask CreateKeyAsync(KmsKey key, StoredMaterial? material, CancellationToken ct = default);

    /// <summary>
    /// Commits <paramref name="key"/> when the stored row still has <c>key.Version</c>, adding
    /// <paramref name="newMaterial"/> in the same transaction. Returns the committed record (version bumped), or null
    /// when another writer got there first or the key is gone.
    /// </summary>
    ValueTask<KmsKey?> TryUpdateKeyAsync(KmsKey key, StoredMaterial? newMaterial, CancellationToken ct = default);

    /// <summary>Removes the key, its material, and the aliases that point at it.</summary>
    ValueTask<bool> DeleteKeyAsync(KeyArn arn, CancellationToken ct = default);

    /// <summary>Keys of an account and region in key id order, starting after <paramref name="afterKeyId"/>.</summary>
    ValueTask<IReadOnlyList<KeyArn>> ListKeysAsync(string accountId, string region, string? afterKeyId, int limit, CancellationToken ct = default);

    ValueTask<long> CountKeysAsync(string accountId, string region, CancellationToken ct = default);

    /// <summary>Keys whose deletion date or next automatic rotation date is at or before <paramref name="now"/>.</summary>
    ValueTask<IReadOnlyList<KeyArn>> ListKeysDueAsync(DateTimeOffset now, int limit, CancellationToken ct = default);

    ValueTask<KeyAlias?> GetAliasAsync(string accountId, string region, string aliasName, CancellationToken ct = default);

    /// <summary>Returns false when an alias of that name already exists.</summary>
    ValueTask<bool> TryCreateAliasAsync(KeyAlias alias, CancellationToken ct = default);

    /// <summary>Points an existing alias at another key; false when the alias does not exist.</summary>
    ValueTask<bool> TryUpdateAliasAsync(KeyAlias alias, CancellationToken ct = default);

    ValueTask<bool> DeleteAliasAsync(string accountId, string region, string aliasName, CancellationToken ct = default);

    /// <summary>Aliases in name order after <paramref name="afterAliasName"/>, optionally only those of one key.</summary>
    ValueTask<IReadOnlyList<KeyAlias>> ListAliasesAsync(
        string accountId, string region, string? targetKeyId, string? afterAliasName, int limit, CancellationToken ct = default);

    ValueTask<int> CountAliasesAsync(string accountId, string region, string targetKeyId, CancellationToken ct = default);
}
