using Trent.Core.Identity;
using Trent.Core.Keys;

namespace Trent.Core.Authorization.Grants;

/// <summary>
/// Finds a grant on a key that lets the caller perform an operation: the caller is the grantee, the operation is
/// granted, and the request's encryption context meets the grant's constraint (DescribeKey and RetireGrant take no
/// context, so constraints do not apply to them; CreateGrant is judged by the grant it requests).
/// </summary>
public sealed class GrantChecker(GrantCache cache, GrantTokenCodec codec) : IGrantChecker
{
    public async ValueTask<GrantMatch?> FindAsync(
        KmsKey key, CallerIdentity caller, string operation, IReadOnlyDictionary<string, string>? encryptionContext,
        IReadOnlyList<string>? grantTokens, CancellationToken ct = default)
    {
        var grants = await cache.GetAsync(key.Arn, ct);
        if (NamesUnseenGrant(grants, key, grantTokens))
        {
            // A token makes its grant usable at once, even where this node's view of the key's grants is older.
            grants = await cache.LoadAsync(key.Arn, ct);
        }
        foreach (var name in GrantPrincipals.NamesOf(caller))
        {
            foreach (var grant in grants.ForGrantee(name))
            {
                if (Allows(grant, operation, encryptionContext))
                {
                    return new GrantMatch(grant.GrantId, grant.Name);
                }
            }
        }
        return null;
    }

    private static bool Allows(Grant grant, string operation, IReadOnlyDictionary<string, string>? encryptionContext)
    {
        if (!grant.Allows(operation))
        {
            return false;
        }
        if (operation == GrantOperations.CreateGrant)
        {
            return ChildGrant.Current is { } child && child.IsAllowedBy(grant);
        }
        return GrantOperations.IgnoresConstraints(operation) || grant.Constraints is null || grant.Constraints.IsSatisfiedBy(encryptionContext);
    }

    private bool NamesUnseenGrant(KeyGrants grants, KmsKey key, IReadOnlyList<string>? tokens)
    {
        if (tokens is null)
        {
            return false;
        }
        foreach (var token in tokens)
        {
            if (codec.Open(token) is { } named && named.Key == key.Arn && grants.Find(named.GrantId) is null)
            {
                return true;
            }
        }
        return false;
    }
}
