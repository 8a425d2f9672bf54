using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Microsoft.Extensions.Time.Testing;

namespace Trent.Server.Tests.Rotation;

/// <summary>Shared steps of the rotation tests: status and listing calls, and comparing the server's dates.</summary>
public static class RotationKit
{
    public static Task<GetKeyRotationStatusResponse> StatusAsync(this IAmazonKeyManagementService kms, string keyId) =>
        kms.GetKeyRotationStatusAsync(new GetKeyRotationStatusRequest { KeyId = keyId });

    public static Task EnableRotationAsync(this IAmazonKeyManagementService kms, string keyId, int? periodInDays = null) =>
        kms.EnableKeyRotationAsync(new EnableKeyRotationRequest { KeyId = keyId, RotationPeriodInDays = periodInDays });

    public static Task RotateNowAsync(this IAmazonKeyManagementService kms, string keyId) =>
        kms.RotateKeyOnDemandAsync(new RotateKeyOnDemandRequest { KeyId = keyId });

    /// <summary>Every entry of ListKeyRotations, following the markers.</summary>
    public static async Task<List<RotationsListEntry>> RotationsAsync(this IAmazonKeyManagementService kms, string keyId, bool allMaterial = false)
    {
        var entries = new List<RotationsListEntry>();
        string? marker = null;
        do
        {
            var page = await kms.ListKeyRotationsAsync(new ListKeyRotationsRequest
            {
                KeyId = keyId,
                IncludeKeyMaterial = allMaterial ? IncludeKeyMaterial.ALL_KEY_MATERIAL : null,
                Marker = marker,
            });
            entries.AddRange(page.Rotations ?? []);
            marker = page.Truncated == true ? page.NextMarker : null;
        }
        while (marker is not null);
        return entries;
    }

    /// <summary>The domain clock's time as the server stores it (millisecond precision).</summary>
    public static DateTimeOffset ServerNow(this FakeTimeProvider clock) =>
        DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>Asserts that a date from a response is <paramref name="expected"/> (wire dates are epoch seconds as doubles).</summary>
    public static void SameInstant(DateTimeOffset expected, DateTime? actual)
    {
        Assert.NotNull(actual);
        var utc = actual.Value.Kind == DateTimeKind.Local ? actual.Value.ToUniversalTime() : DateTime.SpecifyKind(actual.Value, DateTimeKind.Utc);
        var difference = Math.Abs((new DateTimeOffset(utc) - expected).TotalMilliseconds);
        Assert.True(difference <= 1, $"Expected {expected:O}, got {utc:O}.");
    }
}
