using Trent.Core;
using Trent.Core.Identity.Iam;

namespace Trent.Protocol.Query.Iam;

/// <summary>IAM DeleteUserPolicy.</summary>
internal sealed class DeleteUserPolicy(IamServices iam) : QueryOperation
{
    public override QueryService Service => QueryService.Iam;

    public override string Name => nameof(DeleteUserPolicy);

    public override async ValueTask<QueryResult> InvokeAsync(QueryArgs args, KmsRequestContext ctx, CancellationToken ct)
    {
        await iam.InlinePolicies.DeleteAsync(ctx, PolicyOwnerKind.User, args.Required("UserName"), args.Required("PolicyName"), ct);
        return QueryResult.Empty;
    }
}
