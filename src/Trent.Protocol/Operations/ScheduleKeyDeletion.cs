using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record ScheduleKeyDeletionRequest(string KeyId, int? PendingWindowInDays);

public sealed record ScheduleKeyDeletionResponse(string KeyId, DateTimeOffset? DeletionDate, string KeyState, int PendingWindowInDays);

/// <summary>AWS KMS ScheduleKeyDeletion.</summary>
public sealed class ScheduleKeyDeletion(KeyLifecycle lifecycle) : KmsOperation<ScheduleKeyDeletionRequest, ScheduleKeyDeletionResponse>
{
    private const int DefaultPendingWindowInDays = 30;

    protected override JsonTypeInfo<ScheduleKeyDeletionRequest> RequestType => KmsJson.Default.ScheduleKeyDeletionRequest;
    protected override JsonTypeInfo<ScheduleKeyDeletionResponse> ResponseType => KmsJson.Default.ScheduleKeyDeletionResponse;

    protected override async ValueTask<ScheduleKeyDeletionResponse?> ExecuteAsync(ScheduleKeyDeletionRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        var window = r.PendingWindowInDays ?? DefaultPendingWindowInDays;
        var key = await lifecycle.ScheduleKeyDeletionAsync(ctx, r.KeyId, window, ct);
        return new ScheduleKeyDeletionResponse(key.Arn.ToString(), key.DeletionDate, key.State.ToString(), window);
    }
}
