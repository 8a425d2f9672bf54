using Trent.Server.Tests.Crypto;
using Trent.Server.Tests.Harness;

namespace Trent.Server.Tests.Rotation;

/// <summary>
/// The harness asks for a sweep every 365 days of domain time, longer than a PeriodicTimer can wait: the service must
/// neither stop the host nor sweep before the interval has passed (other tests count what their own sweep did).
/// </summary>
public sealed class BackgroundMaintenanceTests
{
    [Fact]
    public async Task The_background_sweep_rotates_due_keys_once_its_interval_has_passed()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        await kms.EnableRotationAsync(key.KeyId);

        server.Clock.Advance(TimeSpan.FromDays(366));
        var current = await WaitForMaterialChangeAsync(server, key.KeyId, key.CurrentKeyMaterialId, TimeSpan.FromSeconds(10));

        Assert.NotEqual(key.CurrentKeyMaterialId, current);
        Assert.DoesNotContain("BackgroundService failed", server.Log.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_background_sweep_waits_for_its_whole_interval_even_beyond_the_timer_limit()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        await kms.EnableRotationAsync(key.KeyId, 90);

        server.Clock.Advance(TimeSpan.FromDays(120));
        var current = await WaitForMaterialChangeAsync(server, key.KeyId, key.CurrentKeyMaterialId, TimeSpan.FromMilliseconds(500));

        Assert.Equal(key.CurrentKeyMaterialId, current);
        Assert.Equal(1, await server.RunMaintenanceAsync());
    }

    private static async Task<string> WaitForMaterialChangeAsync(TrentServer server, string keyId, string original, TimeSpan patience)
    {
        var kms = server.Kms();
        var deadline = DateTime.UtcNow + patience;
        var current = original;
        while (current == original && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            current = (await kms.DescribeAsync(keyId)).CurrentKeyMaterialId;
        }
        return current;
    }
}
