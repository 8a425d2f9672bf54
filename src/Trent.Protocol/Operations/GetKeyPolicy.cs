using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record GetKeyPolicyRequest(string KeyId, string? PolicyName);

public sealed record GetKeyPolicyResponse(string Policy, string PolicyName);

/// <summary>AWS KMS GetKeyPolicy.</summary>
public sealed class GetKeyPolicy(KeyAttributes attributes) : KmsOperation<GetKeyPolicyRequest, GetKeyPolicyResponse>
{
    protected override JsonTypeInfo<GetKeyPolicyRequest> RequestType => KmsJson.Default.GetKeyPolicyRequest;
    protected override JsonTypeInfo<GetKeyPolicyResponse> ResponseType => KmsJson.Default.GetKeyPolicyResponse;

    protected override async ValueTask<GetKeyPolicyResponse?> ExecuteAsync(GetKeyPolicyRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        var (_, policy) = await attributes.GetKeyPolicyAsync(ctx, r.KeyId, r.PolicyName, ct);
        return new GetKeyPolicyResponse(policy, KeyAttributes.DefaultPolicyName);
    }
}
