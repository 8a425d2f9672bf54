using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Crypto;
using Trent.Server.Tests.Harness;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Rotation;

public sealed class ListKeyRotationsTests
{
    [Fact]
    public async Task A_new_key_lists_no_rotations_and_one_current_material()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();

        var byDefault = await kms.ListKeyRotationsAsync(new ListKeyRotationsRequest { KeyId = key.KeyId });
        var rotationsOnly = await kms.ListKeyRotationsAsync(new ListKeyRotationsRequest { KeyId = key.Arn, IncludeKeyMaterial = IncludeKeyMaterial.ROTATIONS_ONLY });
        var all = await kms.RotationsAsync(key.KeyId, allMaterial: true);

        Assert.Empty(byDefault.Rotations);
        Assert.False(byDefault.Truncated);
        Assert.Null(byDefault.NextMarker);
        Assert.Empty(rotationsOnly.Rotations);
        var original = Assert.Single(all);
        Assert.Equal((key.KeyId, key.CurrentKeyMaterialId, "CURRENT"), (original.KeyId, original.KeyMaterialId, original.KeyMaterialState?.Value));
        Assert.Null(original.RotationDate);
        Assert.Null(original.RotationType);
    }

    [Fact]
    public async Task ListKeyRotations_reports_each_rotation_with_its_type_state_and_date()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        await kms.EnableRotationAsync(key.KeyId);
        server.Clock.Advance(TimeSpan.FromDays(1));
        await kms.RotateNowAsync(key.KeyId);
        var firstOnDemand = server.Clock.ServerNow();
        server.Clock.Advance(TimeSpan.FromDays(365));
        await server.RunMaintenanceAsync();
        var automatic = server.Clock.ServerNow();
        server.Clock.Advance(TimeSpan.FromDays(2));
        await kms.RotateNowAsync(key.KeyId);
        var secondOnDemand = server.Clock.ServerNow();
        var current = (await kms.DescribeAsync(key.KeyId)).CurrentKeyMaterialId;

        var rotations = await kms.RotationsAsync(key.KeyId);
        var all = await kms.RotationsAsync(key.KeyId, allMaterial: true);

        Assert.Equal(["ON_DEMAND", "AUTOMATIC", "ON_DEMAND"], rotations.Select(r => r.RotationType?.Value));
        Assert.Equal(["NON_CURRENT", "NON_CURRENT", "CURRENT"], rotations.Select(r => r.KeyMaterialState?.Value));
        RotationKit.SameInstant(firstOnDemand, rotations[0].RotationDate);
        RotationKit.SameInstant(automatic, rotations[1].RotationDate);
        RotationKit.SameInstant(secondOnDemand, rotations[2].RotationDate);
        Assert.Equal(current, rotations[2].KeyMaterialId);
        Assert.All(rotations, r => Assert.Equal(key.KeyId, r.KeyId));
        Assert.Equal(4, all.Count);
        Assert.Equal((key.CurrentKeyMaterialId, "NON_CURRENT"), (all[0].KeyMaterialId, all[0].KeyMaterialState?.Value));
        Assert.Null(all[0].RotationType);
        Assert.Equal(rotations.Select(r => r.KeyMaterialId), all.Skip(1).Select(r => r.KeyMaterialId));
        Assert.Equal(4, all.Select(r => r.KeyMaterialId).Distinct().Count());
    }

    [Fact]
    public async Task ListKeyRotations_pages_with_Limit_and_Marker()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        for (var i = 0; i < 5; i++)
        {
            await kms.RotateNowAsync(key.KeyId);
        }
        var everything = await kms.RotationsAsync(key.KeyId);

        var pages = new List<ListKeyRotationsResponse>();
        string? marker = null;
        do
        {
            var page = await kms.ListKeyRotationsAsync(new ListKeyRotationsRequest { KeyId = key.KeyId, Limit = 2, Marker = marker });
            pages.Add(page);
            marker = page.NextMarker;
        }
        while (marker is not null);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Rotations.Count));
        Assert.Equal([true, true, false], pages.Select(p => p.Truncated ?? false));
        Assert.Equal(everything.Select(r => r.KeyMaterialId), pages.SelectMany(p => p.Rotations).Select(r => r.KeyMaterialId));
        Assert.Equal(5, everything.Select(r => r.KeyMaterialId).Distinct().Count());
    }

    [Fact]
    public async Task ListKeyRotations_refuses_a_foreign_marker_and_out_of_model_parameters()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();

        await ThrowsAsync<InvalidMarkerException>("InvalidMarkerException", "The marker that specifies where pagination should next begin is not valid.",
            () => kms.ListKeyRotationsAsync(new ListKeyRotationsRequest { KeyId = key.KeyId, Marker = "not-a-marker" }));
        await ValidationAsync(
            "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
            () => kms.ListKeyRotationsAsync(new ListKeyRotationsRequest { KeyId = key.KeyId, Limit = Unchecked(0) }));
        await ValidationAsync(
            "1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000",
            () => kms.ListKeyRotationsAsync(new ListKeyRotationsRequest { KeyId = key.KeyId, Limit = Unchecked(1001) }));
        await ValidationAsync(
            "1 validation error detected: Value 'EVERYTHING' at 'includeKeyMaterial' failed to satisfy constraint: " +
            "Member must satisfy enum value set: [ALL_KEY_MATERIAL, ROTATIONS_ONLY]",
            () => kms.ListKeyRotationsAsync(new ListKeyRotationsRequest { KeyId = key.KeyId, IncludeKeyMaterial = new IncludeKeyMaterial("EVERYTHING") }));
    }
}
