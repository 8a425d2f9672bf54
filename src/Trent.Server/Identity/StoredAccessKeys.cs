using System.Collections.Concurrent;
using Trent.Core.Crypto;
using Trent.Core.Identity;
using Trent.Core.Storage;
using Trent.Protocol.Auth;

namespace Trent.Server.Identity;

/// <summary>
/// Access keys for SigV4, from the identity store, with secrets unsealed once and kept in memory so that
/// authentication does not touch storage on every request.
/// </summary>
public sealed class StoredAccessKeys(IIdentityStore store, RootKey rootKey) : IAccessKeySource
{
    private readonly ConcurrentDictionary<string, AccessKeySecret> _cache = new(StringComparer.Ordinal);

    public async ValueTask<AccessKeySecret?> FindAsync(string accessKeyId, CancellationToken ct = default)
    {
        if (_cache.TryGetValue(accessKeyId, out var cached))
        {
            return cached;
        }
        var record = await store.GetAccessKeyAsync(accessKeyId, ct);
        if (record is null)
        {
            return null;
        }
        var secret = rootKey.Unseal(record.SealedSecret, record.SealOwner, record.AccessKeyId);
        var identity = new CallerIdentity(record.AccountId, record.PrincipalArn, record.PrincipalType, record.UserId, record.AccessKeyId);
        var found = new AccessKeySecret(identity, secret, record.Status == AccessKeyStatus.Active);
        return _cache.GetOrAdd(accessKeyId, found);
    }
}
