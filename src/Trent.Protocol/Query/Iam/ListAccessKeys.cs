using Trent.Core;

namespace Trent.Protocol.Query.Iam;

/// <summary>IAM ListAccessKeys.</summary>
internal sealed class ListAccessKeys(IamServices iam) : QueryOperation
{
    public override QueryService Service => QueryService.Iam;

    public override string Name => nameof(ListAccessKeys);

    public override async ValueTask<QueryResult> InvokeAsync(QueryArgs args, KmsRequestContext ctx, CancellationToken ct)
    {
        var listing = await iam.AccessKeys.ListAsync(ctx, args.String("UserName"), args.String("Marker"), args.Int("MaxItems"), ct);
        return new QueryResult(xml =>
        {
            xml.List("AccessKeyMetadata", listing.Keys.Items, (x, key) => IamXml.AccessKeyMetadata(x, key, listing.UserName));
            IamXml.Paging(xml, listing.Keys);
        });
    }
}
