using Trent.Core;
using Trent.Core.Identity.Iam;

namespace Trent.Protocol.Query.Iam;

/// <summary>IAM ListRolePolicies.</summary>
internal sealed class ListRolePolicies(IamServices iam) : QueryOperation
{
    public override QueryService Service => QueryService.Iam;

    public override string Name => nameof(ListRolePolicies);

    public override async ValueTask<QueryResult> InvokeAsync(QueryArgs args, KmsRequestContext ctx, CancellationToken ct)
    {
        var page = await iam.InlinePolicies.ListAsync(
            ctx, PolicyOwnerKind.Role, args.Required("RoleName"), args.String("Marker"), args.Int("MaxItems"), ct);
        return new QueryResult(xml =>
        {
            xml.Strings("PolicyNames", page.Items);
            IamXml.Paging(xml, page);
        });
    }
}
