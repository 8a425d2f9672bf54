using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record ListKeysRequest(int? Limit, string? Marker);

public sealed record ListKeysResponse(IReadOnlyList<KeyListEntry> Keys, string? NextMarker, bool Truncated);

/// <summary>AWS KMS ListKeys.</summary>
public sealed class ListKeys(KeyLifecycle lifecycle) : KmsOperation<ListKeysRequest, ListKeysResponse>
{
    protected override JsonTypeInfo<ListKeysRequest> RequestType => KmsJson.Default.ListKeysRequest;
    protected override JsonTypeInfo<ListKeysResponse> ResponseType => KmsJson.Default.ListKeysResponse;

    protected override async ValueTask<ListKeysResponse?> ExecuteAsync(ListKeysRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        var page = await lifecycle.ListKeysAsync(ctx, PageLimit.Of(r.Limit, defaultLimit: 100, max: 1000), r.Marker, ct);
        return new ListKeysResponse(page.Items.Select(k => new KeyListEntry(k.KeyId, k.ToString())).ToList(), page.NextMarker, page.Truncated);
    }
}
