using Trent.Core;

namespace Trent.Protocol.Query.Iam;

/// <summary>IAM ListUsers.</summary>
internal sealed class ListUsers(IamServices iam) : QueryOperation
{
    public override QueryService Service => QueryService.Iam;

    public override string Name => nameof(ListUsers);

    public override async ValueTask<QueryResult> InvokeAsync(QueryArgs args, KmsRequestContext ctx, CancellationToken ct)
    {
        var page = await iam.Users.ListAsync(ctx, args.String("PathPrefix"), args.String("Marker"), args.Int("MaxItems"), ct);
        return new QueryResult(xml =>
        {
            xml.List("Users", page.Items, IamXml.User);
            IamXml.Paging(xml, page);
        });
    }
}
