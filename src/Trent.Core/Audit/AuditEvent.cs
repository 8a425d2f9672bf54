using System.Text.Json.Serialization;

namespace Trent.Core.Audit;

/// <summary>
/// One CloudTrail record, field for field as CloudTrail writes it (digest §18), so that CloudTrail parsers and SIEM rules
/// read Trent's trail unchanged. Properties are declared in CloudTrail's order, which is the order they are written in.
/// </summary>
public sealed record AuditEvent
{
    public const string ApiCall = "AwsApiCall";
    public const string ServiceEvent = "AwsServiceEvent";

    public string EventVersion { get; init; } = "1.11";
    public required AuditIdentity UserIdentity { get; init; }

    /// <summary>UTC, to the second: <c>2024-05-20T20:46:16Z</c>.</summary>
    public required string EventTime { get; init; }

    public required string EventSource { get; init; }
    public required string EventName { get; init; }
    public required string AwsRegion { get; init; }

    [JsonPropertyName("sourceIPAddress")]
    public string? SourceIpAddress { get; init; }

    public string? UserAgent { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }

    /// <summary>CloudTrail writes <c>null</c> rather than leaving these out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public RawJson? RequestParameters { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public RawJson? ResponseElements { get; init; }

    [JsonPropertyName("requestID")]
    public string? RequestId { get; init; }

    [JsonPropertyName("eventID")]
    public required string EventId { get; init; }

    public bool ReadOnly { get; init; }
    public IReadOnlyList<AuditResource>? Resources { get; init; }
    public required string EventType { get; init; }
    public bool ManagementEvent { get; init; } = true;
    public string? RecipientAccountId { get; init; }
    public ServiceEventDetails? ServiceEventDetails { get; init; }
    public string EventCategory { get; init; } = "Management";
    public TlsDetails? TlsDetails { get; init; }

    /// <summary>CloudTrail's eventTime format: UTC to the second.</summary>
    /// <remarks>
    /// The standard "s" format (always 19 characters, culture-invariant) plus the Z: the same text as the custom pattern
    /// yyyy-MM-dd'T'HH:mm:ss'Z', without parsing that pattern for every event.
    /// </remarks>
    public static string FormatTime(DateTimeOffset time) =>
        string.Create(20, time.UtcDateTime, static (text, utc) =>
        {
            utc.TryFormat(text, out _, "s", System.Globalization.CultureInfo.InvariantCulture);
            text[^1] = 'Z';
        });
}

/// <summary>CloudTrail's <c>userIdentity</c>.</summary>
public sealed record AuditIdentity
{
    public string? Type { get; init; }
    public string? PrincipalId { get; init; }
    public string? Arn { get; init; }
    public string? AccountId { get; init; }
    public string? AccessKeyId { get; init; }
    public string? UserName { get; init; }
    public SessionContext? SessionContext { get; init; }

    /// <summary>The service that acted, for service events (<c>AWS Internal</c>).</summary>
    public string? InvokedBy { get; init; }
}

/// <summary>An assumed-role session's issuer and attributes.</summary>
public sealed record SessionContext(SessionIssuer SessionIssuer, SessionAttributes Attributes);

public sealed record SessionIssuer(string Type, string PrincipalId, string Arn, string AccountId, string UserName);

/// <summary>CloudTrail writes <c>mfaAuthenticated</c> as a string.</summary>
public sealed record SessionAttributes(string? CreationDate, string MfaAuthenticated);

/// <summary>One entry of <c>resources</c>.</summary>
public sealed record AuditResource(string AccountId, string Type, [property: JsonPropertyName("ARN")] string Arn)
{
    public const string KmsKey = "AWS::KMS::Key";
}

/// <summary>What a service event did (automatic rotation names its key and rotation type).</summary>
public sealed record ServiceEventDetails(string? RotationType, string KeyId);

public sealed record TlsDetails(string TlsVersion, string CipherSuite, string? ClientProvidedHostHeader);
