using Trent.Core;
using Trent.Core.Identity.Iam;

namespace Trent.Protocol.Query.Iam;

/// <summary>IAM GetRolePolicy.</summary>
internal sealed class GetRolePolicy(IamServices iam) : QueryOperation
{
    public override QueryService Service => QueryService.Iam;

    public override string Name => nameof(GetRolePolicy);

    public override async ValueTask<QueryResult> InvokeAsync(QueryArgs args, KmsRequestContext ctx, CancellationToken ct)
    {
        var owner = args.Required("RoleName");
        var policy = await iam.InlinePolicies.GetAsync(ctx, PolicyOwnerKind.Role, owner, args.Required("PolicyName"), ct);
        return new QueryResult(xml => xml
            .Element("RoleName", owner)
            .Element("PolicyName", policy.PolicyName)
            .Element("PolicyDocument", IamXml.PolicyDocument(policy.Document)));
    }
}
