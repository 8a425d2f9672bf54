using Trent.Core;
using Trent.Core.Identity.Iam;

namespace Trent.Protocol.Query.Iam;

/// <summary>IAM ListUserPolicies.</summary>
internal sealed class ListUserPolicies(IamServices iam) : QueryOperation
{
    public override QueryService Service => QueryService.Iam;

    public override string Name => nameof(ListUserPolicies);

    public override async ValueTask<QueryResult> InvokeAsync(QueryArgs args, KmsRequestContext ctx, CancellationToken ct)
    {
        var page = await iam.InlinePolicies.ListAsync(
            ctx, PolicyOwnerKind.User, args.Required("UserName"), args.String("Marker"), args.Int("MaxItems"), ct);
        return new QueryResult(xml =>
        {
            xml.Strings("PolicyNames", page.Items);
            IamXml.Paging(xml, page);
        });
    }
}
