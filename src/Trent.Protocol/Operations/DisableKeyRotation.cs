using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record DisableKeyRotationRequest(string KeyId);

/// <summary>AWS KMS DisableKeyRotation.</summary>
public sealed class DisableKeyRotation(KeyRotation rotation) : KmsOperation<DisableKeyRotationRequest, NoOutput>
{
    protected override JsonTypeInfo<DisableKeyRotationRequest> RequestType => KmsJson.Default.DisableKeyRotationRequest;
    protected override JsonTypeInfo<NoOutput>? ResponseType => null;

    protected override async ValueTask<NoOutput?> ExecuteAsync(DisableKeyRotationRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        await rotation.DisableKeyRotationAsync(ctx, r.KeyId, ct);
        return null;
    }
}
