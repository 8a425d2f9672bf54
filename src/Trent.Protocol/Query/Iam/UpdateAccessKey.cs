using Trent.Core;
using Trent.Core.Identity;
using Trent.Core.Identity.Iam;

namespace Trent.Protocol.Query.Iam;

/// <summary>IAM UpdateAccessKey.</summary>
internal sealed class UpdateAccessKey(IamServices iam) : QueryOperation
{
    public override QueryService Service => QueryService.Iam;

    public override string Name => nameof(UpdateAccessKey);

    public override async ValueTask<QueryResult> InvokeAsync(QueryArgs args, KmsRequestContext ctx, CancellationToken ct)
    {
        var status = args.Required("Status") switch
        {
            "Active" => AccessKeyStatus.Active,
            "Inactive" => AccessKeyStatus.Inactive,
            // The model's enum also lists Expired, which IAM reports but does not let anyone set.
            var other => throw new IamException(IamErrorCode.InvalidInput, $"The access key status {other} cannot be set; use Active or Inactive."),
        };
        await iam.AccessKeys.UpdateAsync(ctx, args.String("UserName"), args.Required("AccessKeyId"), status, ct);
        return QueryResult.Empty;
    }
}
