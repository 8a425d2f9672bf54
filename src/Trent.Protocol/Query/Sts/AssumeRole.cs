using Trent.Core;
using Trent.Core.Identity.Sts;

namespace Trent.Protocol.Query.Sts;

/// <summary>STS AssumeRole: temporary credentials for a role whose trust policy allows the caller.</summary>
internal sealed class AssumeRole(IamServices iam) : QueryOperation
{
    public override QueryService Service => QueryService.Sts;

    public override string Name => nameof(AssumeRole);

    public override async ValueTask<QueryResult> InvokeAsync(QueryArgs args, KmsRequestContext ctx, CancellationToken ct)
    {
        // Session policies and tags would narrow or label the session; ignoring them would grant more than was asked.
        args.Unsupported("Policy", "session policies");
        args.Unsupported("PolicyArns", "session policies");
        args.Unsupported("Tags", "session tags");
        args.Unsupported("TransitiveTagKeys", "session tags");
        args.Unsupported("SerialNumber", "MFA");
        args.Unsupported("TokenCode", "MFA");
        args.Unsupported("ProvidedContexts", "provided contexts");
        var sourceIdentity = args.String("SourceIdentity");
        var assumed = await iam.RoleAssumption.AssumeAsync(ctx, new AssumeRoleRequest(
            args.Required("RoleArn"),
            args.Required("RoleSessionName"),
            args.Int("DurationSeconds"),
            args.String("ExternalId"),
            sourceIdentity), ct);
        var session = assumed.Credentials;
        // The one response that carries the session's secret; the pipeline wipes its buffer after writing.
        return new QueryResult(xml =>
        {
            xml.Structure("Credentials", c => c
                .Element("AccessKeyId", session.AccessKeyId)
                .Element("SecretAccessKey", session.SecretAccessKey)
                .Element("SessionToken", assumed.SessionToken)
                .Timestamp("Expiration", session.Expiration));
            xml.Structure("AssumedRoleUser", u => u
                .Element("AssumedRoleId", session.AssumedRoleId)
                .Element("Arn", session.AssumedRoleArn));
            xml.Element("SourceIdentity", sourceIdentity);
        }, Sensitive: true);
    }
}
