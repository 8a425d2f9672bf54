using Trent.Core.Authorization;
using Trent.Core.Authorization.Policies;
using Trent.Core.Paging;
using Trent.Core.Storage;

namespace Trent.Core.Identity.Iam;

/// <summary>Put/Get/List/Delete of inline policies, for users (…UserPolicy) and roles (…RolePolicy) alike.</summary>
public sealed class IamInlinePolicies(
    IIamStore store, IamUsers users, IamRoles roles, PolicyCache policies, InlineIdentityPolicies identityPolicies)
{
    public async ValueTask PutAsync(
        KmsRequestContext ctx, PolicyOwnerKind kind, string ownerName, InlinePolicy policy, CancellationToken ct = default)
    {
        var owner = await FindOwnerAsync(ctx, kind, ownerName, "Put", ct);
        try
        {
            policies.Get(policy.Document, PolicyKind.IdentityPolicy);
        }
        catch (MalformedPolicyException e)
        {
            throw IamErrors.Malformed(e.Message);
        }
        // The quota is on all of the owner's inline policies together; the policy being replaced does not count.
        var others = (await store.ListInlinePoliciesAsync(kind, owner.Id, ct))
            .Where(p => !string.Equals(p.PolicyName, policy.PolicyName, StringComparison.OrdinalIgnoreCase));
        var max = IamLimits.PolicySizeFor(kind);
        if (others.Sum(p => IamLimits.SizeOf(p.Document)) + IamLimits.SizeOf(policy.Document) > max)
        {
            throw IamErrors.PolicySize(kind, owner.Name, max);
        }
        var stored = await store.PutInlinePolicyAsync(kind, owner.Id, policy, ct);
        identityPolicies.Invalidate(kind, owner.Id);
        if (!stored)
        {
            throw NoSuchOwner(kind, ownerName);
        }
    }

    public async ValueTask<InlinePolicy> GetAsync(
        KmsRequestContext ctx, PolicyOwnerKind kind, string ownerName, string policyName, CancellationToken ct = default)
    {
        var owner = await FindOwnerAsync(ctx, kind, ownerName, "Get", ct);
        return await store.GetInlinePolicyAsync(kind, owner.Id, policyName, ct) ?? throw IamErrors.NoSuchPolicy(kind, policyName);
    }

    public async ValueTask<Page<string>> ListAsync(
        KmsRequestContext ctx, PolicyOwnerKind kind, string ownerName, string? marker, int? maxItems, CancellationToken ct = default)
    {
        var owner = await FindOwnerAsync(ctx, kind, ownerName, "List", ct);
        var names = (await store.ListInlinePoliciesAsync(kind, owner.Id, ct)).Select(p => p.PolicyName).ToArray();
        return IamPaging.ByIndex($"iam-{kind}-policies", names, marker, maxItems);
    }

    public async ValueTask DeleteAsync(
        KmsRequestContext ctx, PolicyOwnerKind kind, string ownerName, string policyName, CancellationToken ct = default)
    {
        var owner = await FindOwnerAsync(ctx, kind, ownerName, "Delete", ct);
        var deleted = await store.DeleteInlinePolicyAsync(kind, owner.Id, policyName, ct);
        identityPolicies.Invalidate(kind, owner.Id);
        if (!deleted)
        {
            throw IamErrors.NoSuchPolicy(kind, policyName);
        }
    }

    /// <summary>The owner's id and name, after authorizing <c>iam:{verb}UserPolicy</c> or <c>iam:{verb}RolePolicy</c> on it.</summary>
    private async ValueTask<(string Id, string Name)> FindOwnerAsync(
        KmsRequestContext ctx, PolicyOwnerKind kind, string ownerName, string verb, CancellationToken ct)
    {
        if (kind == PolicyOwnerKind.User)
        {
            var user = await users.FindAsync(ctx, ownerName, $"iam:{verb}UserPolicy", ct);
            return (user.UserId, user.UserName);
        }
        var role = await roles.FindAsync(ctx, ownerName, $"iam:{verb}RolePolicy", ct);
        return (role.RoleId, role.RoleName);
    }

    private static IamException NoSuchOwner(PolicyOwnerKind kind, string name) =>
        kind == PolicyOwnerKind.User ? IamErrors.NoSuchUser(name) : IamErrors.NoSuchRole(name);
}
