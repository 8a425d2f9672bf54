using Trent.Core;

namespace Trent.Protocol.Query.Iam;

/// <summary>IAM ListRoles.</summary>
internal sealed class ListRoles(IamServices iam) : QueryOperation
{
    public override QueryService Service => QueryService.Iam;

    public override string Name => nameof(ListRoles);

    public override async ValueTask<QueryResult> InvokeAsync(QueryArgs args, KmsRequestContext ctx, CancellationToken ct)
    {
        var page = await iam.Roles.ListAsync(ctx, args.String("PathPrefix"), args.String("Marker"), args.Int("MaxItems"), ct);
        return new QueryResult(xml =>
        {
            xml.List("Roles", page.Items, IamXml.Role);
            IamXml.Paging(xml, page);
        });
    }
}
