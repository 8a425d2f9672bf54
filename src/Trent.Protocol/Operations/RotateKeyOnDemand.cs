using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record RotateKeyOnDemandRequest(string KeyId);

public sealed record RotateKeyOnDemandResponse(string KeyId);

/// <summary>AWS KMS RotateKeyOnDemand.</summary>
public sealed class RotateKeyOnDemand(KeyRotation rotation) : KmsOperation<RotateKeyOnDemandRequest, RotateKeyOnDemandResponse>
{
    protected override JsonTypeInfo<RotateKeyOnDemandRequest> RequestType => KmsJson.Default.RotateKeyOnDemandRequest;
    protected override JsonTypeInfo<RotateKeyOnDemandResponse> ResponseType => KmsJson.Default.RotateKeyOnDemandResponse;

    protected override async ValueTask<RotateKeyOnDemandResponse?> ExecuteAsync(RotateKeyOnDemandRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        var key = await rotation.RotateKeyOnDemandAsync(ctx, r.KeyId, ct);
        return new RotateKeyOnDemandResponse(key.KeyId);
    }
}
