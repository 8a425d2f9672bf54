using System.Text.Json;
using Trent.Server.Audit;

namespace Trent.Server.Tests.Audit.Support;

/// <summary>The records of an audit directory, read as a SIEM would: every line of every trail file, in order.</summary>
public static class Trail
{
    public static List<JsonElement> Records(string auditDirectory)
    {
        var records = new List<JsonElement>();
        foreach (var path in TrailFiles.List(auditDirectory))
        {
            foreach (var line in File.ReadAllLines(path))
            {
                using var document = JsonDocument.Parse(line);
                records.Add(document.RootElement.Clone());
            }
        }
        return records;
    }

    /// <summary>The records whose requestID is <paramref name="requestId"/>.</summary>
    public static List<JsonElement> ForRequest(string auditDirectory, string requestId) =>
        Records(auditDirectory).Where(r => r.TryGetProperty("requestID", out var id) && id.GetString() == requestId).ToList();

    /// <summary>The one record of a request; fails unless there is exactly one.</summary>
    public static JsonElement Single(string auditDirectory, string requestId)
    {
        var found = ForRequest(auditDirectory, requestId);
        Assert.True(found.Count == 1, $"request {requestId} has {found.Count} audit records, not exactly one");
        return found[0];
    }

    public static string? Text(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The ARNs of a record's resources.</summary>
    public static List<string> ResourceArns(this JsonElement record) =>
        record.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("ARN").GetString()!).ToList();
}
