using System.Collections.Concurrent;
using Trent.Core;
using Trent.Core.Crypto;
using Trent.Core.Identity;
using Trent.Core.Identity.Iam;
using Trent.Core.Storage;
using Trent.Protocol.Auth;

namespace Trent.Server.Identity;

/// <summary>
/// Access keys for SigV4, from the identity store, with secrets unsealed once and kept in memory so that
/// authentication does not touch storage on every request. IAM (or the change feed, for other nodes' writes) tells it
/// when a key is deactivated or deleted. A key the feed cannot vouch for is read again, or used as it is while the
/// store cannot be reached.
/// </summary>
public sealed class StoredAccessKeys(IIdentityStore store, RootKey rootKey, CacheFreshness? freshness = null) : IAccessKeySource, IAccessKeyInvalidation
{
    private readonly CacheFreshness _freshness = freshness ?? CacheFreshness.SingleNode;
    private readonly ConcurrentDictionary<string, (AccessKeySecret Secret, long Stamp)> _cache = new(StringComparer.Ordinal);

    // Bumped by every invalidation: a lookup that overlapped one may have read the old row, so it is not cached.
    private long _epoch;

    public async ValueTask<AccessKeySecret?> FindAsync(string accessKeyId, CancellationToken ct = default)
    {
        var hit = _cache.TryGetValue(accessKeyId, out var cached);
        if (hit && _freshness.IsCurrent(cached.Stamp))
        {
            return cached.Secret;
        }
        var epoch = Interlocked.Read(ref _epoch);
        var stamp = _freshness.Stamp;
        AccessKeyRecord? record;
        try
        {
            record = await store.GetAccessKeyAsync(accessKeyId, ct);
        }
        catch (KmsException e) when (hit && StoreUnavailable.Is(e))
        {
            // An outage of the database must not stop callers whose keys are in memory from authenticating.
            return cached.Secret;
        }
        if (record is null)
        {
            return null;
        }
        var secret = rootKey.Unseal(record.SealedSecret, record.SealOwner, record.AccessKeyId);
        var identity = new CallerIdentity(record.AccountId, record.PrincipalArn, record.PrincipalType, record.UserId, record.AccessKeyId)
        {
            UserName = record.PrincipalType == PrincipalType.IAMUser ? IamArns.NameOf(record.PrincipalArn) : null,
        };
        var found = new AccessKeySecret(identity, secret, record.Status == AccessKeyStatus.Active);
        if (Interlocked.Read(ref _epoch) != epoch)
        {
            return found;
        }
        var entry = (found, stamp);
        _cache[accessKeyId] = entry;
        // An invalidation between the check and the add must still win.
        if (Interlocked.Read(ref _epoch) != epoch)
        {
            _cache.TryRemove(KeyValuePair.Create(accessKeyId, entry));
        }
        return found;
    }

    public void AccessKeyChanged(string accessKeyId)
    {
        Interlocked.Increment(ref _epoch);
        _cache.TryRemove(accessKeyId, out _);
    }
}
