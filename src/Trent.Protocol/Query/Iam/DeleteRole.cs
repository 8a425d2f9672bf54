using Trent.Core;

namespace Trent.Protocol.Query.Iam;

/// <summary>IAM DeleteRole.</summary>
internal sealed class DeleteRole(IamServices iam) : QueryOperation
{
    public override QueryService Service => QueryService.Iam;

    public override string Name => nameof(DeleteRole);

    public override async ValueTask<QueryResult> InvokeAsync(QueryArgs args, KmsRequestContext ctx, CancellationToken ct)
    {
        await iam.Roles.DeleteAsync(ctx, args.Required("RoleName"), ct);
        return QueryResult.Empty;
    }
}
