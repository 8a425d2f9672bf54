using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record GetKeyRotationStatusRequest(string KeyId);

public sealed record GetKeyRotationStatusResponse(
    bool KeyRotationEnabled, string KeyId, int? RotationPeriodInDays, DateTimeOffset? NextRotationDate, DateTimeOffset? OnDemandRotationStartDate);

/// <summary>AWS KMS GetKeyRotationStatus.</summary>
public sealed class GetKeyRotationStatus(KeyRotation rotation) : KmsOperation<GetKeyRotationStatusRequest, GetKeyRotationStatusResponse>
{
    protected override JsonTypeInfo<GetKeyRotationStatusRequest> RequestType => KmsJson.Default.GetKeyRotationStatusRequest;
    protected override JsonTypeInfo<GetKeyRotationStatusResponse> ResponseType => KmsJson.Default.GetKeyRotationStatusResponse;

    protected override async ValueTask<GetKeyRotationStatusResponse?> ExecuteAsync(GetKeyRotationStatusRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        var status = await rotation.GetKeyRotationStatusAsync(ctx, r.KeyId, ct);
        // On-demand rotation completes within the request, so OnDemandRotationStartDate is never pending.
        return new GetKeyRotationStatusResponse(status.Enabled, status.Key.Arn.ToString(), status.PeriodInDays, status.NextRotationDate, null);
    }
}
