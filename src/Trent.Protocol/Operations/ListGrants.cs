using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Authorization.Grants;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record ListGrantsRequest(int? Limit, string? Marker, string KeyId, string? GrantId, string? GranteePrincipal);

/// <summary>The output of ListGrants and ListRetirableGrants (one model shape).</summary>
public sealed record ListGrantsResponse(IReadOnlyList<GrantListEntry> Grants, string? NextMarker, bool Truncated);

/// <summary>AWS KMS ListGrants.</summary>
public sealed class ListGrants(GrantService grants) : KmsOperation<ListGrantsRequest, ListGrantsResponse>
{
    protected override JsonTypeInfo<ListGrantsRequest> RequestType => KmsJson.Default.ListGrantsRequest;
    protected override JsonTypeInfo<ListGrantsResponse> ResponseType => KmsJson.Default.ListGrantsResponse;

    protected override async ValueTask<ListGrantsResponse?> ExecuteAsync(ListGrantsRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        var page = await grants.ListGrantsAsync(ctx, r.KeyId, PageLimit.Of(r.Limit, defaultLimit: 50, max: 100), r.Marker, r.GrantId, r.GranteePrincipal, ct);
        return new ListGrantsResponse(page.Items.Select(GrantMapper.ToWire).ToList(), page.NextMarker, page.Truncated);
    }
}
