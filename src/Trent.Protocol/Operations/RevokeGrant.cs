using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Authorization.Grants;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record RevokeGrantRequest(string KeyId, string GrantId, bool? DryRun);

/// <summary>AWS KMS RevokeGrant.</summary>
public sealed class RevokeGrant(GrantService grants) : KmsOperation<RevokeGrantRequest, NoOutput>
{
    protected override JsonTypeInfo<RevokeGrantRequest> RequestType => KmsJson.Default.RevokeGrantRequest;
    protected override JsonTypeInfo<NoOutput>? ResponseType => null;

    protected override async ValueTask<NoOutput?> ExecuteAsync(RevokeGrantRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        await grants.RevokeGrantAsync(ctx, r.KeyId, r.GrantId, r.DryRun ?? false, ct);
        return null;
    }
}
