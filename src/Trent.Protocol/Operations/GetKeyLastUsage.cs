using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Audit;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record GetKeyLastUsageRequest(string KeyId);

public sealed record KeyLastUsageData(string Operation, DateTimeOffset Timestamp, string CloudTrailEventId, string KmsRequestId);

public sealed record GetKeyLastUsageResponse(string KeyId, KeyLastUsageData? KeyLastUsage, DateTimeOffset TrackingStartDate, DateTimeOffset KeyCreationDate);

/// <summary>AWS KMS GetKeyLastUsage: the last successful cryptographic use of a key, from the audit trail's record of it.</summary>
public sealed class GetKeyLastUsage(KeyLastUsageService lastUsage) : KmsOperation<GetKeyLastUsageRequest, GetKeyLastUsageResponse>
{
    protected override JsonTypeInfo<GetKeyLastUsageRequest> RequestType => KmsJson.Default.GetKeyLastUsageRequest;
    protected override JsonTypeInfo<GetKeyLastUsageResponse> ResponseType => KmsJson.Default.GetKeyLastUsageResponse;

    protected override async ValueTask<GetKeyLastUsageResponse?> ExecuteAsync(GetKeyLastUsageRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        var report = await lastUsage.GetAsync(ctx, r.KeyId, ct);
        var used = report.LastUsage is { } u ? new KeyLastUsageData(u.Operation, u.Timestamp, u.CloudTrailEventId, u.KmsRequestId) : null;
        return new GetKeyLastUsageResponse(report.Key.Arn.ToString(), used, report.TrackingStartDate, report.Key.CreationDate);
    }
}
