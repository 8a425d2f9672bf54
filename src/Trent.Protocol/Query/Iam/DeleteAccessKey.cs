using Trent.Core;

namespace Trent.Protocol.Query.Iam;

/// <summary>IAM DeleteAccessKey.</summary>
internal sealed class DeleteAccessKey(IamServices iam) : QueryOperation
{
    public override QueryService Service => QueryService.Iam;

    public override string Name => nameof(DeleteAccessKey);

    public override async ValueTask<QueryResult> InvokeAsync(QueryArgs args, KmsRequestContext ctx, CancellationToken ct)
    {
        await iam.AccessKeys.DeleteAsync(ctx, args.String("UserName"), args.Required("AccessKeyId"), ct);
        return QueryResult.Empty;
    }
}
