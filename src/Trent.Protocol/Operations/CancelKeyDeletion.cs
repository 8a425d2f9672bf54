using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record CancelKeyDeletionRequest(string KeyId);

public sealed record CancelKeyDeletionResponse(string KeyId);

/// <summary>AWS KMS CancelKeyDeletion.</summary>
public sealed class CancelKeyDeletion(KeyLifecycle lifecycle) : KmsOperation<CancelKeyDeletionRequest, CancelKeyDeletionResponse>
{
    protected override JsonTypeInfo<CancelKeyDeletionRequest> RequestType => KmsJson.Default.CancelKeyDeletionRequest;
    protected override JsonTypeInfo<CancelKeyDeletionResponse> ResponseType => KmsJson.Default.CancelKeyDeletionResponse;

    protected override async ValueTask<CancelKeyDeletionResponse?> ExecuteAsync(CancelKeyDeletionRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        var key = await lifecycle.CancelKeyDeletionAsync(ctx, r.KeyId, ct);
        return new CancelKeyDeletionResponse(key.Arn.ToString());
    }
}
