using System.Text.Json;

namespace Trent.Server.Tests.Wire;

/// <summary>Timestamps go on the wire as JSON numbers of epoch seconds, as AWS JSON 1.1 requires.</summary>
public sealed class TimestampTests(DevServerFixture fx) : IClassFixture<DevServerFixture>
{
    [Fact]
    public async Task Key_creation_and_deletion_dates_are_epoch_second_numbers()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        var created = await fx.Wire.CallAsync("CreateKey", "{}");
        var metadata = created.GetProperty("KeyMetadata");
        var keyId = metadata.GetProperty("KeyId").GetString();
        var scheduled = await fx.Wire.CallAsync("ScheduleKeyDeletion", $$"""{"KeyId":"{{keyId}}","PendingWindowInDays":7}""");

        var creation = EpochSeconds(metadata.GetProperty("CreationDate"));
        var deletion = EpochSeconds(scheduled.GetProperty("DeletionDate"));
        Assert.InRange(creation, before - 5, before + 60);
        Assert.InRange(deletion - creation, (7 * 86400) - 60, (7 * 86400) + 60);
    }

    [Fact]
    public async Task Alias_dates_are_epoch_second_numbers()
    {
        var keyId = (await fx.Wire.CallAsync("CreateKey", "{}")).GetProperty("KeyMetadata").GetProperty("KeyId").GetString();
        var alias = "alias/timestamps-" + Guid.NewGuid().ToString("N");
        await fx.Wire.CallAsync("CreateAlias", $$"""{"AliasName":"{{alias}}","TargetKeyId":"{{keyId}}"}""");

        var entry = (await fx.Wire.CallAsync("ListAliases", $$"""{"KeyId":"{{keyId}}"}""")).GetProperty("Aliases")[0];

        Assert.Equal(EpochSeconds(entry.GetProperty("CreationDate")), EpochSeconds(entry.GetProperty("LastUpdatedDate")));
    }

    private static double EpochSeconds(JsonElement value)
    {
        Assert.Equal(JsonValueKind.Number, value.ValueKind);
        return value.GetDouble();
    }
}
