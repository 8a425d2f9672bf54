using Trent.Core.Authorization;
using Trent.Core.Authorization.Policies;
using Trent.Core.Crypto;
using Trent.Core.Keys;
using Trent.Core.Paging;
using Trent.Core.Storage;

namespace Trent.Core.Identity.Iam;

/// <summary>What CreateRole is given.</summary>
public sealed record NewRole(
    string RoleName, string? Path, string AssumeRolePolicyDocument, string? Description, int? MaxSessionDuration, IReadOnlyList<IamTag> Tags);

/// <summary>CreateRole, GetRole, ListRoles and DeleteRole.</summary>
public sealed class IamRoles(IIamStore store, IamAuthorizer authorizer, PolicyCache policies, IRandomSource random)
{
    public async ValueTask<IamRole> CreateAsync(KmsRequestContext ctx, NewRole request, CancellationToken ct = default)
    {
        var path = request.Path ?? "/";
        var arn = IamArns.Role(Partitions.ForRegion(ctx.Region), ctx.AccountId, path, request.RoleName);
        await authorizer.AuthorizeAsync(ctx, "iam:CreateRole", arn, ct);
        IamTags.Check(request.Tags);
        try
        {
            policies.Get(request.AssumeRolePolicyDocument, PolicyKind.TrustPolicy);
        }
        catch (MalformedPolicyException e)
        {
            throw IamErrors.Malformed(e.Message);
        }
        if (IamLimits.SizeOf(request.AssumeRolePolicyDocument) > IamLimits.TrustPolicySize)
        {
            throw IamErrors.TrustPolicySize(IamLimits.TrustPolicySize);
        }
        var role = new IamRole(ctx.AccountId, request.RoleName, IamIds.NewRoleId(random), path, arn, request.AssumeRolePolicyDocument,
            request.Description, request.MaxSessionDuration ?? IamLimits.DefaultMaxSessionDuration, ctx.Now, request.Tags);
        return await store.CreateRoleAsync(role, ct) ? role : throw IamErrors.RoleExists(request.RoleName);
    }

    public ValueTask<IamRole> GetAsync(KmsRequestContext ctx, string roleName, CancellationToken ct = default) =>
        FindAsync(ctx, roleName, "iam:GetRole", ct);

    public async ValueTask<Page<IamRole>> ListAsync(
        KmsRequestContext ctx, string? pathPrefix, string? marker, int? maxItems, CancellationToken ct = default)
    {
        await authorizer.AuthorizeAsync(ctx, "iam:ListRoles", IamArns.AllRoles(Partitions.ForRegion(ctx.Region), ctx.AccountId), ct);
        return await IamPaging.ByNameAsync("iam-roles", marker, maxItems,
            (after, limit) => store.ListRolesAsync(ctx.AccountId, pathPrefix, after, limit, ct), r => r.RoleName);
    }

    public async ValueTask DeleteAsync(KmsRequestContext ctx, string roleName, CancellationToken ct = default)
    {
        var role = await FindAsync(ctx, roleName, "iam:DeleteRole", ct);
        switch (await store.DeleteRoleAsync(ctx.AccountId, role.RoleName, ct))
        {
            case IamDeleteOutcome.NotFound:
                throw IamErrors.NoSuchRole(roleName);
            case IamDeleteOutcome.HasPolicies:
                throw IamErrors.MustDeletePolicies();
        }
    }

    /// <summary>Looks the role up and authorizes against its ARN, or the ARN it would have (see <see cref="IamUsers"/>).</summary>
    internal async ValueTask<IamRole> FindAsync(KmsRequestContext ctx, string roleName, string action, CancellationToken ct)
    {
        var role = await store.GetRoleAsync(ctx.AccountId, roleName, ct);
        var arn = role?.Arn ?? IamArns.Role(Partitions.ForRegion(ctx.Region), ctx.AccountId, "/", roleName);
        await authorizer.AuthorizeAsync(ctx, action, arn, ct);
        return role ?? throw IamErrors.NoSuchRole(roleName);
    }
}
