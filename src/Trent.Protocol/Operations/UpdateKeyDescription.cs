using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record UpdateKeyDescriptionRequest(string KeyId, string Description);

/// <summary>AWS KMS UpdateKeyDescription.</summary>
public sealed class UpdateKeyDescription(KeyLifecycle lifecycle) : KmsOperation<UpdateKeyDescriptionRequest, NoOutput>
{
    protected override JsonTypeInfo<UpdateKeyDescriptionRequest> RequestType => KmsJson.Default.UpdateKeyDescriptionRequest;
    protected override JsonTypeInfo<NoOutput>? ResponseType => null;

    protected override async ValueTask<NoOutput?> ExecuteAsync(UpdateKeyDescriptionRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        await lifecycle.UpdateKeyDescriptionAsync(ctx, r.KeyId, r.Description, ct);
        return null;
    }
}
