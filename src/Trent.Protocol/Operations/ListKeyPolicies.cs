using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record ListKeyPoliciesRequest(string KeyId, int? Limit, string? Marker);

public sealed record ListKeyPoliciesResponse(IReadOnlyList<string> PolicyNames, string? NextMarker, bool Truncated);

/// <summary>AWS KMS ListKeyPolicies.</summary>
public sealed class ListKeyPolicies(KeyAttributes attributes) : KmsOperation<ListKeyPoliciesRequest, ListKeyPoliciesResponse>
{
    protected override JsonTypeInfo<ListKeyPoliciesRequest> RequestType => KmsJson.Default.ListKeyPoliciesRequest;
    protected override JsonTypeInfo<ListKeyPoliciesResponse> ResponseType => KmsJson.Default.ListKeyPoliciesResponse;

    protected override async ValueTask<ListKeyPoliciesResponse?> ExecuteAsync(ListKeyPoliciesRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        var page = await attributes.ListKeyPoliciesAsync(ctx, r.KeyId, PageLimit.Of(r.Limit, defaultLimit: 100, max: 1000), r.Marker, ct);
        return new ListKeyPoliciesResponse(page.Items, page.NextMarker, page.Truncated);
    }
}
