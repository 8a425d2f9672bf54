using Trent.Core;

namespace Trent.Protocol.Query.Sts;

/// <summary>STS GetCallerIdentity: who signed the request. It needs no permission, as in AWS.</summary>
internal sealed class GetCallerIdentity : QueryOperation
{
    public override QueryService Service => QueryService.Sts;

    public override string Name => nameof(GetCallerIdentity);

    public override ValueTask<QueryResult> InvokeAsync(QueryArgs args, KmsRequestContext ctx, CancellationToken ct) =>
        ValueTask.FromResult(new QueryResult(xml => xml
            .Element("UserId", ctx.Caller.UserId)
            .Element("Account", ctx.Caller.AccountId)
            .Element("Arn", ctx.Caller.PrincipalArn)));
}
