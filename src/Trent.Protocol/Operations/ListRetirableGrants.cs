using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Authorization.Grants;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record ListRetirableGrantsRequest(int? Limit, string? Marker, string RetiringPrincipal);

/// <summary>AWS KMS ListRetirableGrants.</summary>
public sealed class ListRetirableGrants(GrantService grants) : KmsOperation<ListRetirableGrantsRequest, ListGrantsResponse>
{
    protected override JsonTypeInfo<ListRetirableGrantsRequest> RequestType => KmsJson.Default.ListRetirableGrantsRequest;
    protected override JsonTypeInfo<ListGrantsResponse> ResponseType => KmsJson.Default.ListGrantsResponse;

    protected override async ValueTask<ListGrantsResponse?> ExecuteAsync(ListRetirableGrantsRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        var page = await grants.ListRetirableGrantsAsync(ctx, r.RetiringPrincipal, PageLimit.Of(r.Limit, defaultLimit: 50, max: 100), r.Marker, ct);
        return new ListGrantsResponse(page.Items.Select(GrantMapper.ToWire).ToList(), page.NextMarker, page.Truncated);
    }
}
