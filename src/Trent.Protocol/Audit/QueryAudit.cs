using System.Collections.Frozen;
using System.Text.Json;
using Trent.Core.Audit;
using Trent.Protocol.Query;
using Trent.Protocol.Validation;

namespace Trent.Protocol.Audit;

/// <summary>How IAM and STS calls go into the trail, each under its own eventSource.</summary>
internal static class QueryAudit
{
    /// <summary>
    /// The response members CloudTrail logs for IAM's create-style calls and AssumeRole. Secret access keys are
    /// sensitive in the models; the session token is withheld by name: it is as much a credential as the secret.
    /// </summary>
    private static readonly FrozenDictionary<string, FrozenSet<string>> LoggedResponses = new Dictionary<string, FrozenSet<string>>
    {
        ["CreateUser"] = FrozenSet.Create(StringComparer.Ordinal, "User"),
        ["CreateRole"] = FrozenSet.Create(StringComparer.Ordinal, "Role"),
        ["CreateAccessKey"] = FrozenSet.Create(StringComparer.Ordinal, "AccessKey"),
        ["AssumeRole"] = FrozenSet.Create(StringComparer.Ordinal, "Credentials", "AssumedRoleUser", "PackedPolicySize", "SourceIdentity"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string EventSource(QueryService service) => $"{service.SigningName}.amazonaws.com";

    /// <summary>IAM's reads are Get*, List*; every STS call only issues or describes credentials and is read-only.</summary>
    public static bool IsReadOnly(QueryService service, string? action) =>
        service == QueryService.Sts
        || (action is not null && (action.StartsWith("Get", StringComparison.Ordinal) || action.StartsWith("List", StringComparison.Ordinal)));

    public static RawJson? RequestParameters(JsonElement root, StructureShape? input) => AuditParameters.Request(root, input);

    public static RawJson? ResponseElements(QueryService service, string action, byte[] xml) =>
        LoggedResponses.TryGetValue(action, out var members) && service.Model.Outputs.GetValueOrDefault(action) is { } output
            ? XmlResponseElements.From(xml, action, output, members)
            : null;

    public static AuditEvent Event(AuditedCall call, QueryService service, TimeProvider clock)
    {
        // A call that did not authenticate has only the service its credential scope claims.
        if (call.Auth is null && QueryService.BySigningName(ClaimedCredential.From(call.Http.Request).Service ?? "") is { } claimed)
        {
            service = claimed;
        }
        return ApiCallEvents.Build(call, EventSource(service), IsReadOnly(service, call.Operation), Resources(call.Operation, call), clock);
    }

    /// <summary>AssumeRole names the role it acts on, as CloudTrail's resources; IAM events carry none.</summary>
    public static IReadOnlyList<AuditResource>? Resources(string? action, AuditedCall call)
    {
        if (action != "AssumeRole" || !call.Succeeded || call.RequestParameters is null)
        {
            return null;
        }
        using var parameters = JsonDocument.Parse(call.RequestParameters.Utf8);
        return parameters.RootElement.TryGetProperty("roleArn", out var role) && role.GetString() is { } arn
            ? [new AuditResource(arn.Split(':') is { Length: > 4 } parts ? parts[4] : "", "AWS::IAM::Role", arn)]
            : null;
    }
}
