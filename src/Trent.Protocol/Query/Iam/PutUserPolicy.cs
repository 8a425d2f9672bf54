using Trent.Core;
using Trent.Core.Identity.Iam;

namespace Trent.Protocol.Query.Iam;

/// <summary>IAM PutUserPolicy.</summary>
internal sealed class PutUserPolicy(IamServices iam) : QueryOperation
{
    public override QueryService Service => QueryService.Iam;

    public override string Name => nameof(PutUserPolicy);

    public override async ValueTask<QueryResult> InvokeAsync(QueryArgs args, KmsRequestContext ctx, CancellationToken ct)
    {
        var policy = new InlinePolicy(args.Required("PolicyName"), args.Required("PolicyDocument"));
        await iam.InlinePolicies.PutAsync(ctx, PolicyOwnerKind.User, args.Required("UserName"), policy, ct);
        return QueryResult.Empty;
    }
}
