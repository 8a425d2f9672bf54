using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record ListKeyRotationsRequest(string KeyId, string? IncludeKeyMaterial, int? Limit, string? Marker);

public sealed record ListKeyRotationsResponse(IReadOnlyList<RotationsListEntry> Rotations, string? NextMarker, bool Truncated);

/// <summary>AWS KMS ListKeyRotations.</summary>
public sealed class ListKeyRotations(KeyRotation rotation) : KmsOperation<ListKeyRotationsRequest, ListKeyRotationsResponse>
{
    protected override JsonTypeInfo<ListKeyRotationsRequest> RequestType => KmsJson.Default.ListKeyRotationsRequest;
    protected override JsonTypeInfo<ListKeyRotationsResponse> ResponseType => KmsJson.Default.ListKeyRotationsResponse;

    protected override async ValueTask<ListKeyRotationsResponse?> ExecuteAsync(ListKeyRotationsRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        var all = r.IncludeKeyMaterial == "ALL_KEY_MATERIAL";
        var page = await rotation.ListKeyRotationsAsync(ctx, r.KeyId, all, PageLimit.Of(r.Limit, defaultLimit: 100, max: 1000), r.Marker, ct);
        var entries = page.Items.Select(e => new RotationsListEntry
        {
            KeyId = e.KeyId,
            KeyMaterialId = e.Material.MaterialId,
            KeyMaterialState = e.IsCurrent ? "CURRENT" : "NON_CURRENT",
            RotationDate = e.Material.RotationType is null ? null : e.Material.CreatedAt,
            RotationType = e.Material.RotationType?.ToString(),
        }).ToList();
        return new ListKeyRotationsResponse(entries, page.NextMarker, page.Truncated);
    }
}
