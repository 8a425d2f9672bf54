using Trent.Core;

namespace Trent.Protocol.Query.Iam;

/// <summary>IAM DeleteUser.</summary>
internal sealed class DeleteUser(IamServices iam) : QueryOperation
{
    public override QueryService Service => QueryService.Iam;

    public override string Name => nameof(DeleteUser);

    public override async ValueTask<QueryResult> InvokeAsync(QueryArgs args, KmsRequestContext ctx, CancellationToken ct)
    {
        await iam.Users.DeleteAsync(ctx, args.Required("UserName"), ct);
        return QueryResult.Empty;
    }
}
