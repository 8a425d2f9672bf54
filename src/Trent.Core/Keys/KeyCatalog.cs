using Trent.Core.Crypto;
using Trent.Core.Storage;

namespace Trent.Core.Keys;

/// <summary>
/// The one way to find, load, create and change keys and aliases: reads are served from <see cref="KeyCache"/>,
/// writes are committed with optimistic concurrency and then invalidate the cache.
/// </summary>
public sealed class KeyCatalog(IKeyStore store, RootKey rootKey, KeyCache cache, IRandomSource random)
{
    private const int MaxUpdateAttempts = 16;

    // Writers that lost a race to the same row back off for a random while, so that they do not all read the next
    // version at once and collide again (with several nodes, dozens may be writing one key). The jitter only spreads
    // timing, so it comes from Random.Shared rather than the injected random source.
    private const int MaxConflictBackoffMs = 50;

    public IKeyStore Store => store;

    /// <summary>Resolves any identifier form the operation accepts to a leased live key (AWS's NotFound messages).</summary>
    public async ValueTask<KeyLease> ResolveAsync(KmsRequestContext ctx, string identifier, KeyIdForms forms, CancellationToken ct = default)
    {
        var arn = await ResolveArnAsync(ctx, identifier, forms, ct);
        return await GetAsync(arn, ct);
    }

    /// <summary>Resolves an identifier to the ARN of an existing or well-formed key without loading its material.</summary>
    public async ValueTask<KeyArn> ResolveArnAsync(KmsRequestContext ctx, string identifier, KeyIdForms forms, CancellationToken ct = default)
    {
        var id = KeyIdentifier.Parse(identifier);
        if (forms == KeyIdForms.KeyIdOrArn && id.Kind is KeyIdentifierKind.AliasName or KeyIdentifierKind.AliasArn)
        {
            // Real KMS answers this for an alias where only key ids and ARNs are taken (quoted from CLI output).
            throw new KmsException(KmsErrorCode.InvalidArnException, "Key Aliases are not supported for this operation.");
        }
        if (id.Region is not null && id.Region != ctx.Region)
        {
            throw KmsException.NotFound($"Invalid arn {id.Region}");
        }
        var account = id.AccountId ?? ctx.AccountId;
        if (id.Kind is KeyIdentifierKind.AliasName or KeyIdentifierKind.AliasArn)
        {
            var keyId = await FindAliasTargetAsync(account, ctx.Region, id.Value, ct)
                ?? throw KmsException.NotFound($"Alias {KeyAlias.AliasArn(account, ctx.Region, id.Value)} is not found.");
            return new KeyArn(account, ctx.Region, keyId);
        }
        if (!KeyIds.IsWellFormed(id.Value))
        {
            throw KmsException.NotFound($"Invalid keyId '{id.Value}'");
        }
        return new KeyArn(account, ctx.Region, id.Value);
    }

    /// <summary>Leases a key by ARN; NotFoundException with AWS's message when it does not exist.</summary>
    public async ValueTask<KeyLease> GetAsync(KeyArn arn, CancellationToken ct = default) =>
        await TryGetAsync(arn, ct) ?? throw NotFound(arn);

    public async ValueTask<KeyLease?> TryGetAsync(KeyArn arn, CancellationToken ct = default)
    {
        if (cache.TryAcquire(arn, out var lease, out var current))
        {
            if (current || await IsStillCommittedAsync(arn, lease, ct))
            {
                return lease;
            }
            lease.Dispose();
        }
        var ticket = cache.Ticket;
        var stored = await store.GetKeyAsync(arn, ct);
        return stored is null ? null : cache.AddLoaded(arn, Unseal(stored), ticket);
    }

    /// <summary>
    /// Checks a cached key that the change feed cannot vouch for against the store's row version. While the store
    /// cannot be reached the cached key keeps serving: an outage of the database must not stop cryptography on keys
    /// already in memory, and no write can commit through this node meanwhile.
    /// </summary>
    private async ValueTask<bool> IsStillCommittedAsync(KeyArn arn, KeyLease lease, CancellationToken ct)
    {
        var ticket = cache.Ticket;
        long? version;
        try
        {
            version = await store.GetKeyVersionAsync(arn, ct);
        }
        catch (KmsException e) when (StoreUnavailable.Is(e))
        {
            return true;
        }
        catch
        {
            lease.Dispose();
            throw;
        }
        if (version != lease.Key.Version)
        {
            return false;
        }
        cache.Confirm(arn, lease.Live, ticket);
        return true;
    }

    public static KmsException NotFound(KeyArn arn) => KmsException.NotFound($"Key '{arn}' does not exist");

    public async ValueTask<string?> FindAliasTargetAsync(string account, string region, string aliasName, CancellationToken ct = default)
    {
        if (cache.TryGetAlias(account, region, aliasName, out var cached, out var current) && current)
        {
            return cached;
        }
        var ticket = cache.Ticket;
        KeyAlias? alias;
        try
        {
            alias = await store.GetAliasAsync(account, region, aliasName, ct);
        }
        catch (KmsException e) when (cached is not null && StoreUnavailable.Is(e))
        {
            // As for keys: an outage of the database must not stop requests that name a cached alias.
            return cached;
        }
        if (alias is null)
        {
            return null;
        }
        cache.AddAlias(account, region, aliasName, alias.TargetKeyId, ticket);
        return alias.TargetKeyId;
    }

    /// <summary>Creates a key with freshly generated material (or none, for keys awaiting import).</summary>
    public async ValueTask CreateAsync(KmsKey key, ReadOnlyMemory<byte>? material, CancellationToken ct = default)
    {
        StoredMaterial? first = null;
        if (material is { } m)
        {
            first = Seal(key.Arn, new KeyMaterialInfo(key.CurrentMaterialId!, key.CreationDate, null), m.Span);
        }
        await store.CreateKeyAsync(key with { Version = 1 }, first, ct);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the committed key and commits the result, retrying on concurrent writes.
    /// The change throws a <see cref="KmsException"/> to refuse (for example a key-state rule).
    /// </summary>
    public ValueTask<KmsKey> UpdateAsync(KeyArn arn, Func<KmsKey, KeyChange> change, CancellationToken ct = default) =>
        UpdateAsync(arn, (StoredKey stored) => change(stored.Key), ct);

    /// <summary>As <see cref="UpdateAsync(KeyArn, Func{KmsKey, KeyChange}, CancellationToken)"/>, for changes that look at the material versions.</summary>
    public async ValueTask<KmsKey> UpdateAsync(KeyArn arn, Func<StoredKey, KeyChange> change, CancellationToken ct = default)
    {
        for (var attempt = 0; attempt < MaxUpdateAttempts; attempt++)
        {
            var stored = await store.GetKeyAsync(arn, ct) ?? throw NotFound(arn);
            var (updated, newMaterial) = change(stored);
            var committed = await store.TryUpdateKeyAsync(updated with { Version = stored.Key.Version }, newMaterial, ct);
            if (committed is not null)
            {
                cache.Invalidate(arn);
                return committed;
            }
            await Task.Delay(Random.Shared.Next(1, Math.Min(MaxConflictBackoffMs, 2 << attempt)), ct);
        }
        throw new KmsException(KmsErrorCode.ConflictException, "The request was rejected because of a concurrent change to the key. Retry the request.");
    }

    /// <summary>Raised after a key is deleted (its grants go with it), for caches of what belonged to the key.</summary>
    public event Action<KeyArn>? KeyDeleted;

    public async ValueTask<bool> DeleteAsync(KeyArn arn, CancellationToken ct = default)
    {
        var deleted = await store.DeleteKeyAsync(arn, ct);
        cache.Invalidate(arn);
        cache.InvalidateAliases();
        KeyDeleted?.Invoke(arn);
        return deleted;
    }

    public async ValueTask<bool> TryCreateAliasAsync(KeyAlias alias, CancellationToken ct = default)
    {
        var created = await store.TryCreateAliasAsync(alias, ct);
        cache.InvalidateAliases();
        return created;
    }

    public async ValueTask<bool> TryUpdateAliasAsync(KeyAlias alias, CancellationToken ct = default)
    {
        var updated = await store.TryUpdateAliasAsync(alias, ct);
        cache.InvalidateAliases();
        return updated;
    }

    public async ValueTask<bool> DeleteAliasAsync(string account, string region, string aliasName, CancellationToken ct = default)
    {
        var deleted = await store.DeleteAliasAsync(account, region, aliasName, ct);
        cache.InvalidateAliases();
        return deleted;
    }

    /// <summary>Makes new material for a key: a fresh id and 32 random bytes, sealed.</summary>
    public StoredMaterial NewMaterial(KeyArn arn, DateTimeOffset createdAt, RotationType? rotationType)
    {
        var material = new byte[32];
        try
        {
            random.Fill(material);
            return Seal(arn, new KeyMaterialInfo(NewMaterialId(), createdAt, rotationType), material);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(material);
        }
    }

    public string NewMaterialId()
    {
        Span<byte> id = stackalloc byte[SymmetricCiphertext.MaterialIdSize];
        random.Fill(id);
        return Convert.ToHexStringLower(id);
    }

    private StoredMaterial Seal(KeyArn arn, KeyMaterialInfo info, ReadOnlySpan<byte> material) =>
        new(info, rootKey.Seal(material, arn.ToString(), info.MaterialId, random));

    private LiveKey Unseal(StoredKey stored)
    {
        var owner = stored.Key.Arn.ToString();
        var materials = new Dictionary<string, byte[]>(stored.Materials.Count);
        foreach (var m in stored.Materials)
        {
            materials[m.Info.MaterialId] = rootKey.Unseal(m.SealedMaterial, owner, m.Info.MaterialId);
        }
        return new LiveKey(stored.Key, stored.Materials.Select(m => m.Info).ToList(), materials);
    }
}

/// <summary>The result of a change to a key: the new record and, for rotation, the material it adds.</summary>
public readonly record struct KeyChange(KmsKey Key, StoredMaterial? NewMaterial = null)
{
    public static implicit operator KeyChange(KmsKey key) => new(key);
}
