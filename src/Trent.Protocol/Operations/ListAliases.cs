using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record ListAliasesRequest(string? KeyId, int? Limit, string? Marker);

public sealed record ListAliasesResponse(IReadOnlyList<AliasListEntry> Aliases, string? NextMarker, bool Truncated);

/// <summary>AWS KMS ListAliases.</summary>
public sealed class ListAliases(AliasService aliases) : KmsOperation<ListAliasesRequest, ListAliasesResponse>
{
    protected override JsonTypeInfo<ListAliasesRequest> RequestType => KmsJson.Default.ListAliasesRequest;
    protected override JsonTypeInfo<ListAliasesResponse> ResponseType => KmsJson.Default.ListAliasesResponse;

    protected override async ValueTask<ListAliasesResponse?> ExecuteAsync(ListAliasesRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        var page = await aliases.ListAliasesAsync(ctx, r.KeyId, PageLimit.Of(r.Limit, defaultLimit: 50, max: 100), r.Marker, ct);
        var entries = page.Items
            .Select(a => new AliasListEntry(a.AliasName, a.Arn, a.TargetKeyId, a.CreationDate, a.LastUpdatedDate))
            .ToList();
        return new ListAliasesResponse(entries, page.NextMarker, page.Truncated);
    }
}
