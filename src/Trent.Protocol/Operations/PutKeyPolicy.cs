using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record PutKeyPolicyRequest(string KeyId, string? PolicyName, string Policy, bool? BypassPolicyLockoutSafetyCheck);

/// <summary>AWS KMS PutKeyPolicy.</summary>
public sealed class PutKeyPolicy(KeyAttributes attributes) : KmsOperation<PutKeyPolicyRequest, NoOutput>
{
    protected override JsonTypeInfo<PutKeyPolicyRequest> RequestType => KmsJson.Default.PutKeyPolicyRequest;
    protected override JsonTypeInfo<NoOutput>? ResponseType => null;

    protected override async ValueTask<NoOutput?> ExecuteAsync(PutKeyPolicyRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        await attributes.PutKeyPolicyAsync(ctx, r.KeyId, r.PolicyName, r.Policy, r.BypassPolicyLockoutSafetyCheck ?? false, ct);
        return null;
    }
}
