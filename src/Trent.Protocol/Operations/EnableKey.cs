using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record EnableKeyRequest(string KeyId);

/// <summary>AWS KMS EnableKey.</summary>
public sealed class EnableKey(KeyLifecycle lifecycle) : KmsOperation<EnableKeyRequest, NoOutput>
{
    protected override JsonTypeInfo<EnableKeyRequest> RequestType => KmsJson.Default.EnableKeyRequest;
    protected override JsonTypeInfo<NoOutput>? ResponseType => null;

    protected override async ValueTask<NoOutput?> ExecuteAsync(EnableKeyRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        await lifecycle.EnableKeyAsync(ctx, r.KeyId, ct);
        return null;
    }
}
