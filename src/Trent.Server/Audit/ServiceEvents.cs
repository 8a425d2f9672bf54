using Trent.Core.Audit;
using Trent.Core.Keys;

namespace Trent.Server.Audit;

/// <summary>
/// The AwsServiceEvent records of work Trent does on its own, as AWS KMS records them: automatic rotation (RotateKey) and
/// deletion at the end of the waiting period (DeleteKey), by "AWS Internal", with no request behind them.
/// </summary>
public static class ServiceEvents
{
    private const string Internal = "AWS Internal";

    public static AuditEvent RotateKey(KeyArn key, DateTimeOffset time) =>
        For("RotateKey", key, time) with { ServiceEventDetails = new ServiceEventDetails("AUTOMATIC", key.KeyId) };

    /// <summary>AWS has logged the deleted key's ARN in responseElements.keyId since December 2022.</summary>
    public static AuditEvent DeleteKey(KeyArn key, DateTimeOffset time) =>
        For("DeleteKey", key, time) with { ResponseElements = new RawJson(System.Text.Encoding.UTF8.GetBytes($"{{\"keyId\":\"{key}\"}}")) };

    private static AuditEvent For(string eventName, KeyArn key, DateTimeOffset time) => new()
    {
        UserIdentity = new AuditIdentity { AccountId = key.AccountId, InvokedBy = Internal },
        EventTime = AuditEvent.FormatTime(time),
        EventSource = "kms.amazonaws.com",
        EventName = eventName,
        AwsRegion = key.Region,
        SourceIpAddress = Internal,
        UserAgent = Internal,
        EventId = Guid.NewGuid().ToString(),
        ReadOnly = false,
        Resources = [new AuditResource(key.AccountId, AuditResource.KmsKey, key.ToString())],
        EventType = AuditEvent.ServiceEvent,
        RecipientAccountId = key.AccountId,
    };
}
