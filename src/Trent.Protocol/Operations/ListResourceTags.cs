using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record ListResourceTagsRequest(string KeyId, int? Limit, string? Marker);

public sealed record ListResourceTagsResponse(IReadOnlyList<Tag> Tags, string? NextMarker, bool Truncated);

/// <summary>AWS KMS ListResourceTags.</summary>
public sealed class ListResourceTags(KeyAttributes attributes) : KmsOperation<ListResourceTagsRequest, ListResourceTagsResponse>
{
    protected override JsonTypeInfo<ListResourceTagsRequest> RequestType => KmsJson.Default.ListResourceTagsRequest;
    protected override JsonTypeInfo<ListResourceTagsResponse> ResponseType => KmsJson.Default.ListResourceTagsResponse;

    protected override async ValueTask<ListResourceTagsResponse?> ExecuteAsync(ListResourceTagsRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        var page = await attributes.ListResourceTagsAsync(ctx, r.KeyId, PageLimit.Of(r.Limit, defaultLimit: 50, max: 50), r.Marker, ct);
        return new ListResourceTagsResponse(page.Items.Select(t => new Tag(t.TagKey, t.TagValue)).ToList(), page.NextMarker, page.Truncated);
    }
}
