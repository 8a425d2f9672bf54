using Trent.Core;
using Trent.Core.Identity.Iam;

namespace Trent.Protocol.Query.Iam;

/// <summary>IAM PutRolePolicy.</summary>
internal sealed class PutRolePolicy(IamServices iam) : QueryOperation
{
    public override QueryService Service => QueryService.Iam;

    public override string Name => nameof(PutRolePolicy);

    public override async ValueTask<QueryResult> InvokeAsync(QueryArgs args, KmsRequestContext ctx, CancellationToken ct)
    {
        var policy = new InlinePolicy(args.Required("PolicyName"), args.Required("PolicyDocument"));
        await iam.InlinePolicies.PutAsync(ctx, PolicyOwnerKind.Role, args.Required("RoleName"), policy, ct);
        return QueryResult.Empty;
    }
}
