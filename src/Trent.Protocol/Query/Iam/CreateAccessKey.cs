using Trent.Core;

namespace Trent.Protocol.Query.Iam;

/// <summary>IAM CreateAccessKey.</summary>
internal sealed class CreateAccessKey(IamServices iam) : QueryOperation
{
    public override QueryService Service => QueryService.Iam;

    public override string Name => nameof(CreateAccessKey);

    public override async ValueTask<QueryResult> InvokeAsync(QueryArgs args, KmsRequestContext ctx, CancellationToken ct)
    {
        var key = await iam.AccessKeys.CreateAsync(ctx, args.String("UserName"), ct);
        // The one response that carries the secret; the pipeline wipes its buffer after writing.
        return new QueryResult(xml => xml.Structure("AccessKey", k => k
            .Element("UserName", key.UserName)
            .Element("AccessKeyId", key.Record.AccessKeyId)
            .Element("Status", key.Record.Status.ToString())
            .Element("SecretAccessKey", key.SecretAccessKey)
            .Timestamp("CreateDate", key.Record.CreateDate)), Sensitive: true);
    }
}
