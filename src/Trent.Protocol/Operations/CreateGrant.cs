using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Authorization.Grants;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record CreateGrantRequest(
    string KeyId, string GranteePrincipal, string? RetiringPrincipal, List<string> Operations, Wire.GrantConstraints? Constraints,
    List<string>? GrantTokens, string? Name, bool? DryRun);

public sealed record CreateGrantResponse(string GrantToken, string GrantId);

/// <summary>AWS KMS CreateGrant.</summary>
public sealed class CreateGrant(GrantService grants) : KmsOperation<CreateGrantRequest, CreateGrantResponse>
{
    protected override JsonTypeInfo<CreateGrantRequest> RequestType => KmsJson.Default.CreateGrantRequest;
    protected override JsonTypeInfo<CreateGrantResponse> ResponseType => KmsJson.Default.CreateGrantResponse;

    protected override async ValueTask<CreateGrantResponse?> ExecuteAsync(CreateGrantRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        var created = await grants.CreateGrantAsync(ctx, new GrantRequest(
            r.KeyId, r.GranteePrincipal, r.RetiringPrincipal, r.Operations,
            r.Constraints?.EncryptionContextSubset, r.Constraints?.EncryptionContextEquals,
            r.GrantTokens, r.Name, r.DryRun ?? false), ct);
        return new CreateGrantResponse(created.GrantToken, created.GrantId);
    }
}
