using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Authorization.Grants;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record RetireGrantRequest(string? GrantToken, string? KeyId, string? GrantId, bool? DryRun);

/// <summary>AWS KMS RetireGrant.</summary>
public sealed class RetireGrant(GrantService grants) : KmsOperation<RetireGrantRequest, NoOutput>
{
    protected override JsonTypeInfo<RetireGrantRequest> RequestType => KmsJson.Default.RetireGrantRequest;
    protected override JsonTypeInfo<NoOutput>? ResponseType => null;

    protected override async ValueTask<NoOutput?> ExecuteAsync(RetireGrantRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        await grants.RetireGrantAsync(ctx, r.GrantToken, r.KeyId, r.GrantId, r.DryRun ?? false, ct);
        return null;
    }
}
