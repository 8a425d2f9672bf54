using Trent.Core;

namespace Trent.Protocol.Query.Iam;

/// <summary>IAM GetRole.</summary>
internal sealed class GetRole(IamServices iam) : QueryOperation
{
    public override QueryService Service => QueryService.Iam;

    public override string Name => nameof(GetRole);

    public override async ValueTask<QueryResult> InvokeAsync(QueryArgs args, KmsRequestContext ctx, CancellationToken ct)
    {
        var role = await iam.Roles.GetAsync(ctx, args.Required("RoleName"), ct);
        return new QueryResult(xml => xml.Structure("Role", r => IamXml.Role(r, role)));
    }
}
