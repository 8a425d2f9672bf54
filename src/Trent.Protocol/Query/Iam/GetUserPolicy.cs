using Trent.Core;
using Trent.Core.Identity.Iam;

namespace Trent.Protocol.Query.Iam;

/// <summary>IAM GetUserPolicy.</summary>
internal sealed class GetUserPolicy(IamServices iam) : QueryOperation
{
    public override QueryService Service => QueryService.Iam;

    public override string Name => nameof(GetUserPolicy);

    public override async ValueTask<QueryResult> InvokeAsync(QueryArgs args, KmsRequestContext ctx, CancellationToken ct)
    {
        var owner = args.Required("UserName");
        var policy = await iam.InlinePolicies.GetAsync(ctx, PolicyOwnerKind.User, owner, args.Required("PolicyName"), ct);
        return new QueryResult(xml => xml
            .Element("UserName", owner)
            .Element("PolicyName", policy.PolicyName)
            .Element("PolicyDocument", IamXml.PolicyDocument(policy.Document)));
    }
}
