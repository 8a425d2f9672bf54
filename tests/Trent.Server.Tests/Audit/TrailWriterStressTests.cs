using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Trent.Core.Audit;
using Trent.Core.Crypto;
using Trent.Server.Audit;
using Trent.Server.Tests.Audit.Support;

namespace Trent.Server.Tests.Audit;

/// <summary>
/// The trail writer on its own, pushed where its buffers and its group commit are weakest: many writers at once on a short
/// queue, records from a few bytes to far beyond a batch, files rotating every few records, and the sync timer taking the
/// write lock all the while. Every record must arrive once, whole, in one unbroken chain.
/// </summary>
public sealed class TrailWriterStressTests
{
    [Fact]
    public async Task Concurrent_records_of_every_size_across_rotations_and_syncs_arrive_once_each_in_an_intact_chain()
    {
        var directory = Path.Combine(Path.GetTempPath(), "trent-audit-" + Guid.NewGuid().ToString("N"));
        using var rootKey = new RootKey(RootKey.Generate(SystemRandomSource.Instance));
        var options = new AuditOptions
        {
            Directory = directory,
            MaxFileBytes = 32 * 1024,
            SyncInterval = TimeSpan.FromMilliseconds(1),
            QueueCapacity = 8,
        };
        const int Writers = 16;
        const int RecordsPerWriter = 100;
        var writer = AuditTrailWriter.Open(directory, options, rootKey, TimeProvider.System, NullLogger.Instance);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                for (var i = 0; i < RecordsPerWriter; i++)
                {
                    await writer.RecordAsync(Event($"{w}-{i}", Size(w, i)));
                }
            })));
        }
        finally
        {
            writer.Dispose();
        }

        var records = Trail.Records(directory);
        Assert.Equal(Writers * RecordsPerWriter, records.Count);
        Assert.Equal(Writers * RecordsPerWriter, records.Select(r => r.Text("eventID")).Distinct().Count());
        Assert.All(records, r => Assert.Equal(Size(r.Text("eventID")!), r.GetProperty("requestParameters").GetProperty("padding").GetString()!.Length));
        Assert.True(TrailFiles.List(directory).Count > 10, "the writes should have rotated the trail many times");
        var verified = AuditVerifier.Verify(directory, TrailDigest.DeriveKey(rootKey));
        Assert.True(verified.Intact, verified.Message);
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>Mostly small records; now and then one past the serializer's 64 KiB buffer, or past a whole batch.</summary>
    private static int Size(int writer, int index) => (((writer * 31) + index) % 50) switch
    {
        0 => 1024 * 1024 + 17,
        1 or 2 => 70 * 1024,
        var n => n * 37,
    };

    private static int Size(string eventId)
    {
        var parts = eventId.Split('-');
        return Size(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static AuditEvent Event(string id, int padding) => new()
    {
        UserIdentity = new AuditIdentity { Type = "Root", AccountId = "111122223333" },
        EventTime = AuditEvent.FormatTime(DateTimeOffset.UtcNow),
        EventSource = "kms.amazonaws.com",
        EventName = "Encrypt",
        AwsRegion = "us-east-1",
        RequestParameters = new RawJson(Encoding.UTF8.GetBytes($"{{\"padding\":\"{new string('p', padding)}\"}}")),
        EventId = id,
        EventType = AuditEvent.ApiCall,
    };
}
