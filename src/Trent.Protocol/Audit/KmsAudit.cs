using System.Collections.Frozen;
using System.Text.Json;
using Trent.Core.Audit;
using Trent.Protocol.Validation;

namespace Trent.Protocol.Audit;

/// <summary>How KMS calls go into the trail: which are read-only, which log a response, which keys they name.</summary>
internal static class KmsAudit
{
    public const string EventSource = "kms.amazonaws.com";

    private static readonly FrozenSet<string> CryptographicOperations = FrozenSet.Create(StringComparer.Ordinal,
        "Encrypt", "Decrypt", "ReEncrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "GenerateDataKeyPair",
        "GenerateDataKeyPairWithoutPlaintext", "GenerateRandom", "Sign", "Verify", "GenerateMac", "VerifyMac", "DeriveSharedSecret");

    /// <summary>
    /// The response members CloudTrail logs, for the operations that log any (digest §18): the grant token and every
    /// secret stay out, and every other operation's responseElements are null.
    /// </summary>
    private static readonly FrozenDictionary<string, FrozenSet<string>> LoggedResponses = new Dictionary<string, FrozenSet<string>>
    {
        ["CreateKey"] = FrozenSet.Create(StringComparer.Ordinal, "KeyMetadata"),
        ["CreateGrant"] = FrozenSet.Create(StringComparer.Ordinal, "GrantId"),
        ["ScheduleKeyDeletion"] = FrozenSet.Create(StringComparer.Ordinal, "KeyId", "DeletionDate", "KeyState", "PendingWindowInDays"),
        ["CancelKeyDeletion"] = FrozenSet.Create(StringComparer.Ordinal, "KeyId"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Operations whose input CloudTrail does not log (GenerateRandom's only input is a byte count).</summary>
    private static readonly FrozenSet<string> UnloggedRequests = FrozenSet.Create(StringComparer.Ordinal, "GenerateRandom");

    public static bool IsReadOnly(string? operation) =>
        operation is not null && (CryptographicOperations.Contains(operation)
            || operation.StartsWith("Describe", StringComparison.Ordinal)
            || operation.StartsWith("List", StringComparison.Ordinal)
            || operation.StartsWith("Get", StringComparison.Ordinal));

    public static RawJson? RequestParameters(string operation, JsonElement root, StructureShape? input) =>
        UnloggedRequests.Contains(operation) ? null : AuditParameters.Request(root, input);

    /// <summary>responseElements from the serialized response, for the few operations that log one.</summary>
    public static RawJson? ResponseElements(string operation, ReadOnlyMemory<byte> response, out string? createdKeyArn)
    {
        createdKeyArn = null;
        if (!LoggedResponses.TryGetValue(operation, out var members) || ServiceModel.Kms.Outputs.GetValueOrDefault(operation) is not { } output)
        {
            return null;
        }
        using var document = JsonDocument.Parse(response);
        if (operation == "CreateKey" && document.RootElement.TryGetProperty("KeyMetadata", out var metadata)
            && metadata.TryGetProperty("Arn", out var arn))
        {
            // The new key is not authorized against (it did not exist yet), so its ARN comes from the answer.
            createdKeyArn = arn.GetString();
        }
        return AuditParameters.Response(document.RootElement, output, members);
    }

    public static AuditEvent Event(AuditedCall call, TimeProvider clock) =>
        ApiCallEvents.Build(call, EventSource, IsReadOnly(call.Operation), Resources(call.Context?.Trace, call.CreatedKeyArn), clock);

    /// <summary>The keys the call touched, as CloudTrail's resources: empty (not absent) when it touched none.</summary>
    public static IReadOnlyList<AuditResource> Resources(RequestTrace? trace, string? createdKeyArn)
    {
        if (createdKeyArn is not null)
        {
            trace?.TouchKey(createdKeyArn);
            if (trace is null)
            {
                return [ApiCallEvents.KeyResource(createdKeyArn)];
            }
        }
        if (trace is null || trace.IsEmpty)
        {
            return [];
        }
        var arns = trace.KeyArns;
        var resources = new AuditResource[arns.Count];
        for (var i = 0; i < arns.Count; i++)
        {
            resources[i] = ApiCallEvents.KeyResource(arns[i]);
        }
        return resources;
    }
}
