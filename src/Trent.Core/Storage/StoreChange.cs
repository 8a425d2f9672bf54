using Trent.Core.Identity.Iam;
using Trent.Core.Keys;

namespace Trent.Core.Storage;

/// <summary>A committed change that the caches of every node must forget, as a store announces it.</summary>
public abstract record StoreChange
{
    private StoreChange()
    {
    }

    /// <summary>The key's row: state, policy, description, tags, rotation, material, or its deletion.</summary>
    public sealed record Key(KeyArn Arn) : StoreChange;

    /// <summary>Some alias of the account and region was created, retargeted or deleted.</summary>
    public sealed record Aliases(string AccountId, string Region) : StoreChange;

    /// <summary>A grant of the key was created or removed, or the key (with its grants) was deleted.</summary>
    public sealed record Grants(KeyArn Arn) : StoreChange;

    /// <summary>The access key was deactivated, activated or deleted.</summary>
    public sealed record AccessKey(string AccessKeyId) : StoreChange;

    /// <summary>An inline policy of the user or role (by id) was put or deleted.</summary>
    public sealed record IdentityPolicies(PolicyOwnerKind Kind, string OwnerId) : StoreChange;
}
