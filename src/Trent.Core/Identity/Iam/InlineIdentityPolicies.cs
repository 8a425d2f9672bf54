using System.Collections.Concurrent;
using Trent.Core.Authorization;
using Trent.Core.Storage;

namespace Trent.Core.Identity.Iam;

/// <summary>
/// The identity policies of a caller: a user's inline policies, or, for an assumed-role session, its role's. Read once
/// per principal and kept in memory; every write to a principal's policies invalidates its entry. Policies the change
/// feed cannot vouch for (<see cref="CacheFreshness"/>) are read again, or used as they are while the store cannot be reached.
/// </summary>
public sealed class InlineIdentityPolicies(IIamStore store, int capacity = 100_000, CacheFreshness? freshness = null) : IIdentityPolicies
{
    private readonly CacheFreshness _freshness = freshness ?? CacheFreshness.SingleNode;
    private readonly ConcurrentDictionary<(PolicyOwnerKind Kind, string Id), (IReadOnlyList<NamedPolicy> Policies, long Stamp)> _cache = new();

    // Bumped by every invalidation: a load that overlapped one may have read the old policies, so it is not cached.
    private long _epoch;

    public async ValueTask<IReadOnlyList<NamedPolicy>> ForAsync(CallerIdentity caller, CancellationToken ct = default)
    {
        if (OwnerOf(caller) is not { } owner)
        {
            return [];
        }
        var hit = _cache.TryGetValue(owner, out var cached);
        if (hit && _freshness.IsCurrent(cached.Stamp))
        {
            return cached.Policies;
        }
        var epoch = Interlocked.Read(ref _epoch);
        var stamp = _freshness.Stamp;
        IReadOnlyList<InlinePolicy> stored;
        try
        {
            stored = await store.ListInlinePoliciesAsync(owner.Kind, owner.Id, ct);
        }
        catch (KmsException e) when (hit && StoreUnavailable.Is(e))
        {
            // An outage of the database must not stop requests of principals whose policies are in memory.
            return cached.Policies;
        }
        IReadOnlyList<NamedPolicy> policies = stored.Select(p => new NamedPolicy(p.PolicyName, p.Document)).ToArray();
        if (Interlocked.Read(ref _epoch) == epoch)
        {
            if (_cache.Count >= capacity)
            {
                _cache.Clear();
            }
            _cache[owner] = (policies, stamp);
            // An invalidation between the check and the write must still win.
            if (Interlocked.Read(ref _epoch) != epoch)
            {
                _cache.TryRemove(owner, out _);
            }
        }
        return policies;
    }

    /// <summary>Forgets what is cached for one user (by user id) or role (by role id); called after every committed change.</summary>
    public void Invalidate(PolicyOwnerKind kind, string ownerId)
    {
        Interlocked.Increment(ref _epoch);
        _cache.TryRemove((kind, ownerId), out _);
    }

    /// <summary>Whose inline policies apply: the user's, the session's role's (its id is the part of the user id before ':'), or none for the root.</summary>
    private static (PolicyOwnerKind Kind, string Id)? OwnerOf(CallerIdentity caller) => caller.PrincipalType switch
    {
        PrincipalType.IAMUser => (PolicyOwnerKind.User, caller.UserId),
        PrincipalType.AssumedRole when caller.UserId.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon =>
            (PolicyOwnerKind.Role, caller.UserId[..colon]),
        _ => null,
    };
}
