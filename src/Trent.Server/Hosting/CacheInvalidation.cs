using Trent.Core.Authorization.Grants;
using Trent.Core.Identity.Iam;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Server.Hosting;

/// <summary>
/// Applies the changes the store's feed announces (other nodes' writes, and this node's own) to this node's caches:
/// each cache forgets what the change touched, and loads it again on next use.
/// </summary>
internal sealed class CacheInvalidation(KeyCache keys, GrantCache grants, InlineIdentityPolicies policies, IAccessKeyInvalidation accessKeys)
{
    public void Apply(StoreChange change)
    {
        switch (change)
        {
            case StoreChange.Key(var arn):
                keys.Invalidate(arn);
                break;
            case StoreChange.Aliases:
                keys.InvalidateAliases();
                break;
            case StoreChange.Grants(var arn):
                grants.Invalidate(arn);
                break;
            case StoreChange.AccessKey(var id):
                accessKeys.AccessKeyChanged(id);
                break;
            case StoreChange.IdentityPolicies(var kind, var owner):
                policies.Invalidate(kind, owner);
                break;
        }
    }
}
