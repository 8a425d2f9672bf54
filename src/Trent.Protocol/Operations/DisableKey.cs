using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record DisableKeyRequest(string KeyId);

/// <summary>AWS KMS DisableKey.</summary>
public sealed class DisableKey(KeyLifecycle lifecycle) : KmsOperation<DisableKeyRequest, NoOutput>
{
    protected override JsonTypeInfo<DisableKeyRequest> RequestType => KmsJson.Default.DisableKeyRequest;
    protected override JsonTypeInfo<NoOutput>? ResponseType => null;

    protected override async ValueTask<NoOutput?> ExecuteAsync(DisableKeyRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        await lifecycle.DisableKeyAsync(ctx, r.KeyId, ct);
        return null;
    }
}
