using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record EnableKeyRotationRequest(string KeyId, int? RotationPeriodInDays);

/// <summary>AWS KMS EnableKeyRotation.</summary>
public sealed class EnableKeyRotation(KeyRotation rotation) : KmsOperation<EnableKeyRotationRequest, NoOutput>
{
    protected override JsonTypeInfo<EnableKeyRotationRequest> RequestType => KmsJson.Default.EnableKeyRotationRequest;
    protected override JsonTypeInfo<NoOutput>? ResponseType => null;

    protected override async ValueTask<NoOutput?> ExecuteAsync(EnableKeyRotationRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        await rotation.EnableKeyRotationAsync(ctx, r.KeyId, r.RotationPeriodInDays, ct);
        return null;
    }
}
