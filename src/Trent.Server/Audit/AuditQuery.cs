using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Trent.Server.Audit;

/// <summary>What <c>trent audit query</c> selects; every criterion given must match.</summary>
public sealed record AuditFilter
{
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public string? EventName { get; init; }

    /// <summary>A key id or key ARN: matches the events whose resources or keyId name the key.</summary>
    public string? Key { get; init; }

    /// <summary>A principal ARN, principal id, access key id or user name.</summary>
    public string? Principal { get; init; }

    public string? ErrorCode { get; init; }
}

/// <summary>Reads the trail in order and prints the records a filter selects: as JSON lines, or as a table.</summary>
public static class AuditQuery
{
    /// <summary>Prints the matching records; a line that is not JSON (the trail was tampered with) is named on <paramref name="errors"/> and skipped.</summary>
    public static int Run(string directory, AuditFilter filter, TextWriter output, TextWriter errors, bool table)
    {
        var count = 0;
        if (table)
        {
            output.WriteLine($"{"eventTime",-20}  {"eventName",-32}  {"errorCode",-28}  {"principal",-50}  resources");
        }
        foreach (var path in TrailFiles.List(directory))
        {
            var lines = AuditVerifier.Lines(File.ReadAllBytes(path));
            for (var n = 0; n < lines.Count; n++)
            {
                JsonDocument document;
                try
                {
                    document = JsonDocument.Parse(lines[n]);
                }
                catch (JsonException)
                {
                    errors.WriteLine($"{Path.GetFileName(path)} line {n + 1} is not a record; run trent audit verify.");
                    continue;
                }
                using (document)
                {
                    if (!Matches(document.RootElement, filter))
                    {
                        continue;
                    }
                    count++;
                    output.WriteLine(table ? Row(document.RootElement) : Encoding.UTF8.GetString(lines[n].Span));
                }
            }
        }
        return count;
    }

    private static bool Matches(JsonElement record, AuditFilter filter)
    {
        if ((filter.From is not null || filter.To is not null)
            && DateTimeOffset.TryParse(Text(record, "eventTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            && ((filter.From is { } from && time < from) || (filter.To is { } to && time > to)))
        {
            return false;
        }
        if (filter.EventName is { } name && Text(record, "eventName") != name)
        {
            return false;
        }
        if (filter.ErrorCode is { } code && Text(record, "errorCode") != code)
        {
            return false;
        }
        if (filter.Principal is { } principal && !NamesPrincipal(record, principal))
        {
            return false;
        }
        return filter.Key is not { } key || NamesKey(record, key);
    }

    private static bool NamesPrincipal(JsonElement record, string principal) =>
        record.TryGetProperty("userIdentity", out var identity) && identity.ValueKind == JsonValueKind.Object
        && (Text(identity, "arn") == principal || Text(identity, "principalId") == principal
            || Text(identity, "accessKeyId") == principal || Text(identity, "userName") == principal);

    private static bool NamesKey(JsonElement record, string key)
    {
        foreach (var arn in ResourceArns(record))
        {
            if (arn == key || arn.EndsWith("/" + key, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return record.TryGetProperty("requestParameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object
            && Text(parameters, "keyId") == key;
    }

    private static IEnumerable<string> ResourceArns(JsonElement record)
    {
        if (!record.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }
        foreach (var resource in resources.EnumerateArray())
        {
            if (Text(resource, "ARN") is { } arn)
            {
                yield return arn;
            }
        }
    }

    private static string Row(JsonElement record)
    {
        var principal = record.TryGetProperty("userIdentity", out var identity) && identity.ValueKind == JsonValueKind.Object
            ? Text(identity, "arn") ?? Text(identity, "invokedBy") ?? Text(identity, "accessKeyId") ?? "-"
            : "-";
        var resources = string.Join(",", ResourceArns(record));
        return $"{Text(record, "eventTime"),-20}  {Text(record, "eventName"),-32}  {Text(record, "errorCode") ?? "-",-28}  {principal,-50}  {(resources.Length == 0 ? "-" : resources)}";
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
