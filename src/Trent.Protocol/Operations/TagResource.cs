using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record TagResourceRequest(string KeyId, List<Tag> Tags);

/// <summary>AWS KMS TagResource.</summary>
public sealed class TagResource(KeyAttributes attributes) : KmsOperation<TagResourceRequest, NoOutput>
{
    protected override JsonTypeInfo<TagResourceRequest> RequestType => KmsJson.Default.TagResourceRequest;
    protected override JsonTypeInfo<NoOutput>? ResponseType => null;

    protected override async ValueTask<NoOutput?> ExecuteAsync(TagResourceRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        await attributes.TagResourceAsync(ctx, r.KeyId, r.Tags.Select(t => new KeyTag(t.TagKey, t.TagValue)).ToList(), ct);
        return null;
    }
}
