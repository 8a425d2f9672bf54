using Trent.Core;

namespace Trent.Protocol.Query.Iam;

/// <summary>IAM GetUser.</summary>
internal sealed class GetUser(IamServices iam) : QueryOperation
{
    public override QueryService Service => QueryService.Iam;

    public override string Name => nameof(GetUser);

    public override async ValueTask<QueryResult> InvokeAsync(QueryArgs args, KmsRequestContext ctx, CancellationToken ct)
    {
        var user = await iam.Users.GetAsync(ctx, args.String("UserName"), ct);
        return new QueryResult(xml => xml.Structure("User", u => IamXml.User(u, user)));
    }
}
