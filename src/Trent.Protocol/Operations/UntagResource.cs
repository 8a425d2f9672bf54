using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record UntagResourceRequest(string KeyId, List<string> TagKeys);

/// <summary>AWS KMS UntagResource.</summary>
public sealed class UntagResource(KeyAttributes attributes) : KmsOperation<UntagResourceRequest, NoOutput>
{
    protected override JsonTypeInfo<UntagResourceRequest> RequestType => KmsJson.Default.UntagResourceRequest;
    protected override JsonTypeInfo<NoOutput>? ResponseType => null;

    protected override async ValueTask<NoOutput?> ExecuteAsync(UntagResourceRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        await attributes.UntagResourceAsync(ctx, r.KeyId, r.TagKeys, ct);
        return null;
    }
}
