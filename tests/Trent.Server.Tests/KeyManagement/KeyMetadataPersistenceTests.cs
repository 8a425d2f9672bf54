using System.Text.Json;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Harness;
using Trent.Server.Tests.KeyManagement.Support;

namespace Trent.Server.Tests.KeyManagement;

/// <summary>Key dates come from the domain clock and metadata survives a restart.</summary>
public sealed class KeyMetadataPersistenceTests
{
    [Fact]
    public async Task CreateKey_takes_its_CreationDate_from_the_domain_clock_to_the_millisecond()
    {
        await using var server = await TrentServer.StartAsync();
        server.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMilliseconds(123.4));
        var now = server.Clock.GetUtcNow();
        using var kms = server.Kms();

        var key = await kms.NewKeyAsync();

        Assert.Equal(now.ToUnixTimeMilliseconds(), new DateTimeOffset(key.CreationDate!.Value).ToUnixTimeMilliseconds());
        Assert.Equal(key.CreationDate, (await kms.DescribeAsync(key.KeyId)).CreationDate);
    }

    [Fact]
    public async Task DescribeKey_after_a_restart_returns_the_metadata_of_before_the_restart()
    {
        await using var server = await TrentServer.StartAsync();
        var recorder = new WireRecorder();
        JsonElement enabled, disabled, multiRegion;
        string enabledId, disabledId, multiRegionId;
        using (var kms = server.KmsRecording(recorder))
        {
            enabledId = (await kms.NewKeyAsync("kept")).KeyId;
            disabledId = (await kms.NewKeyAsync()).KeyId;
            await kms.DisableKeyAsync(new DisableKeyRequest { KeyId = disabledId });
            multiRegionId = (await kms.CreateKeyAsync(new CreateKeyRequest { MultiRegion = true })).KeyMetadata.KeyId;
            enabled = await DescribeWireAsync(kms, recorder, enabledId);
            disabled = await DescribeWireAsync(kms, recorder, disabledId);
            multiRegion = await DescribeWireAsync(kms, recorder, multiRegionId);
        }

        await server.RestartAsync();

        using var after = server.KmsRecording(recorder);
        Assert.True(JsonElement.DeepEquals(enabled, await DescribeWireAsync(after, recorder, enabledId)));
        Assert.True(JsonElement.DeepEquals(disabled, await DescribeWireAsync(after, recorder, disabledId)));
        Assert.True(JsonElement.DeepEquals(multiRegion, await DescribeWireAsync(after, recorder, multiRegionId)));
    }

    private static async Task<JsonElement> DescribeWireAsync(Amazon.KeyManagementService.IAmazonKeyManagementService kms, WireRecorder recorder, string keyId)
    {
        await kms.DescribeAsync(keyId);
        return recorder.Last.Json.GetProperty("KeyMetadata").Clone();
    }
}
