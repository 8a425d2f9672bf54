using Trent.Core;
using Trent.Core.Identity.Iam;

namespace Trent.Protocol.Query.Iam;

/// <summary>IAM DeleteRolePolicy.</summary>
internal sealed class DeleteRolePolicy(IamServices iam) : QueryOperation
{
    public override QueryService Service => QueryService.Iam;

    public override string Name => nameof(DeleteRolePolicy);

    public override async ValueTask<QueryResult> InvokeAsync(QueryArgs args, KmsRequestContext ctx, CancellationToken ct)
    {
        await iam.InlinePolicies.DeleteAsync(ctx, PolicyOwnerKind.Role, args.Required("RoleName"), args.Required("PolicyName"), ct);
        return QueryResult.Empty;
    }
}
