using Trent.Core.Identity;
using Trent.Core.Identity.Iam;

namespace Trent.Core.Storage;

/// <summary>Why a user or role was not deleted.</summary>
public enum IamDeleteOutcome
{
    Deleted,
    NotFound,

    /// <summary>The user still has access keys (checked before policies, as IAM reports them first).</summary>
    HasAccessKeys,
    HasPolicies,
}

/// <summary>What became of a new access key.</summary>
public enum AccessKeyCreateOutcome
{
    Created,

    /// <summary>The principal already has the maximum number of access keys.</summary>
    LimitExceeded,

    /// <summary>The user the key was for no longer exists.</summary>
    NoSuchUser,
}

/// <summary>
/// IAM users, roles, their inline policies, and access keys beyond the account root's first. Names compare without
/// regard to case, as IAM's do; every check-then-write (quota, dependents) happens in one transaction.
/// </summary>
public interface IIamStore
{
    /// <summary>False when the account has a user of that name, in any case.</summary>
    ValueTask<bool> CreateUserAsync(IamUser user, CancellationToken ct = default);

    ValueTask<IamUser?> GetUserAsync(string accountId, string userName, CancellationToken ct = default);

    /// <summary>Up to <paramref name="limit"/> users in name order, after <paramref name="afterName"/> and under the path prefix.</summary>
    ValueTask<IReadOnlyList<IamUser>> ListUsersAsync(
        string accountId, string? pathPrefix, string? afterName, int limit, CancellationToken ct = default);

    /// <summary>Deletes the user unless it still has access keys or inline policies.</summary>
    ValueTask<IamDeleteOutcome> DeleteUserAsync(string accountId, string userName, CancellationToken ct = default);

    ValueTask<bool> CreateRoleAsync(IamRole role, CancellationToken ct = default);

    ValueTask<IamRole?> GetRoleAsync(string accountId, string roleName, CancellationToken ct = default);

    ValueTask<IReadOnlyList<IamRole>> ListRolesAsync(
        string accountId, string? pathPrefix, string? afterName, int limit, CancellationToken ct = default);

    /// <summary>Deletes the role unless it still has inline policies.</summary>
    ValueTask<IamDeleteOutcome> DeleteRoleAsync(string accountId, string roleName, CancellationToken ct = default);

    /// <summary>Adds or replaces the owner's policy of that name; false when the owner (by id) no longer exists.</summary>
    ValueTask<bool> PutInlinePolicyAsync(PolicyOwnerKind kind, string ownerId, InlinePolicy policy, CancellationToken ct = default);

    ValueTask<InlinePolicy?> GetInlinePolicyAsync(PolicyOwnerKind kind, string ownerId, string policyName, CancellationToken ct = default);

    /// <summary>Every inline policy of the owner (user id or role id), in name order.</summary>
    ValueTask<IReadOnlyList<InlinePolicy>> ListInlinePoliciesAsync(PolicyOwnerKind kind, string ownerId, CancellationToken ct = default);

    ValueTask<bool> DeleteInlinePolicyAsync(PolicyOwnerKind kind, string ownerId, string policyName, CancellationToken ct = default);

    /// <summary>
    /// Stores the key unless its principal (by <see cref="AccessKeyRecord.UserId"/>) already has <paramref name="maxPerPrincipal"/>
    /// keys, or, for a user's key, the user is gone.
    /// </summary>
    ValueTask<AccessKeyCreateOutcome> CreateAccessKeyAsync(AccessKeyRecord key, int maxPerPrincipal, CancellationToken ct = default);

    /// <summary>
    /// The principal's keys (by user id: the user's AIDA id, or the account id for the root), oldest first; keys of the
    /// same instant in the order they were stored.
    /// </summary>
    ValueTask<IReadOnlyList<AccessKeyRecord>> ListAccessKeysAsync(string accountId, string userId, CancellationToken ct = default);

    ValueTask<bool> UpdateAccessKeyStatusAsync(string accessKeyId, AccessKeyStatus status, CancellationToken ct = default);

    ValueTask<bool> DeleteAccessKeyAsync(string accessKeyId, CancellationToken ct = default);
}
