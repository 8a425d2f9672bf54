using System.Text.Json;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Audit.Support;
using Trent.Server.Tests.Harness;

namespace Trent.Server.Tests.Audit;

/// <summary>Work Trent does on its own, automatic rotation and deletion after the waiting period, is recorded as AWS records it.</summary>
public sealed class ServiceEventTests
{
    [Fact]
    public async Task Automatic_rotation_is_recorded_as_a_RotateKey_service_event()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        var key = (await kms.CreateKeyAsync(new CreateKeyRequest())).KeyMetadata;
        await kms.EnableKeyRotationAsync(new EnableKeyRotationRequest { KeyId = key.KeyId, RotationPeriodInDays = 90 });

        server.Clock.Advance(TimeSpan.FromDays(91));
        Assert.Equal(1, await server.RunMaintenanceAsync());

        var record = Assert.Single(Trail.Records(server.AuditDirectory), r => r.Text("eventName") == "RotateKey");
        AssertServiceEvent(record, key.Arn, server.Root.AccountId, server.Clock.GetUtcNow());
        var details = record.GetProperty("serviceEventDetails");
        Assert.Equal("AUTOMATIC", details.Text("rotationType"));
        Assert.Equal(key.KeyId, details.Text("keyId"));
    }

    [Fact]
    public async Task Deletion_at_the_end_of_the_waiting_period_is_recorded_as_a_DeleteKey_service_event()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        var key = (await kms.CreateKeyAsync(new CreateKeyRequest())).KeyMetadata;
        await kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = key.KeyId, PendingWindowInDays = 7 });

        server.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(1, await server.RunMaintenanceAsync());

        var record = Assert.Single(Trail.Records(server.AuditDirectory), r => r.Text("eventName") == "DeleteKey");
        AssertServiceEvent(record, key.Arn, server.Root.AccountId, server.Clock.GetUtcNow());
        Assert.Equal(key.Arn, record.GetProperty("responseElements").Text("keyId"));
    }

    private static void AssertServiceEvent(JsonElement record, string keyArn, string account, DateTimeOffset now)
    {
        Assert.Equal("AwsServiceEvent", record.Text("eventType"));
        Assert.Equal("kms.amazonaws.com", record.Text("eventSource"));
        var identity = record.GetProperty("userIdentity");
        Assert.Equal(account, identity.Text("accountId"));
        Assert.Equal("AWS Internal", identity.Text("invokedBy"));
        Assert.False(identity.TryGetProperty("type", out _));
        Assert.Equal("AWS Internal", record.Text("sourceIPAddress"));
        Assert.Equal("AWS Internal", record.Text("userAgent"));
        Assert.Equal(JsonValueKind.Null, record.GetProperty("requestParameters").ValueKind);
        Assert.False(record.TryGetProperty("requestID", out _));
        Assert.False(record.GetProperty("readOnly").GetBoolean());
        Assert.Equal([keyArn], record.ResourceArns());
        Assert.Equal(account, record.Text("recipientAccountId"));
        Assert.Equal(now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture), record.Text("eventTime")![..16]);
    }
}
