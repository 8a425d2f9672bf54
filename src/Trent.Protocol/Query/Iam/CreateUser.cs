using Trent.Core;

namespace Trent.Protocol.Query.Iam;

/// <summary>IAM CreateUser.</summary>
internal sealed class CreateUser(IamServices iam) : QueryOperation
{
    public override QueryService Service => QueryService.Iam;

    public override string Name => nameof(CreateUser);

    public override async ValueTask<QueryResult> InvokeAsync(QueryArgs args, KmsRequestContext ctx, CancellationToken ct)
    {
        args.Unsupported("PermissionsBoundary", "permissions boundaries");
        var user = await iam.Users.CreateAsync(ctx, args.Required("UserName"), args.String("Path"), args.Tags(), ct);
        return new QueryResult(xml => xml.Structure("User", u => IamXml.User(u, user)));
    }
}
