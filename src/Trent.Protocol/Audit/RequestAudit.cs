using Microsoft.Extensions.Logging;
using Trent.Core;
using Trent.Core.Audit;

namespace Trent.Protocol.Audit;

/// <summary>
/// The pipelines' side of the audit trail: whether requests are being refused because the trail cannot be written,
/// recording one event per request, and noting the key usage that GetKeyLastUsage reports.
/// </summary>
public sealed partial class RequestAudit(IAuditSink sink, KeyUsageTracker? usage, TimeProvider clock, ILogger<RequestAudit>? logger = null)
{
    /// <summary>The message of a request refused because the trail cannot record it; it names no detail of the failure.</summary>
    public const string UnavailableMessage =
        "Trent cannot write its audit trail and serves no request it cannot record. Retry the request later.";

    /// <summary>For pipelines built without a trail (unit tests).</summary>
    public static RequestAudit None(TimeProvider clock) => new(NullAuditSink.Instance, usage: null, clock);

    public bool Refusing => sink.Refusing;

    /// <summary>The KMS error of a refused request: a 503 that SDKs retry.</summary>
    public static KmsException Unavailable() => new(KmsErrorCode.DependencyTimeoutException, UnavailableMessage);

    /// <summary>
    /// Builds and records the call's event; false when it could not be recorded and the answer must not be given.
    /// A successful tracked KMS call then becomes the last usage of every key it touched.
    /// </summary>
    internal async ValueTask<bool> RecordAsync(AuditedCall call)
    {
        AuditEvent auditEvent;
        try
        {
            auditEvent = call.Service is { } service ? QueryAudit.Event(call, service, clock) : KmsAudit.Event(call, clock);
        }
        catch (Exception e)
        {
            // A fault in building the record is a fault in recording it: fail the way the trail is set to fail.
            if (logger is not null)
            {
                EventNotBuilt(logger, call.RequestId, e);
            }
            return sink.FailsOpen;
        }
        try
        {
            await sink.RecordAsync(auditEvent);
        }
        catch (AuditUnavailableException)
        {
            return false;
        }
        catch (Exception e)
        {
            // Any other fault of the sink is a failure to record, too: never an answer given without its event.
            if (logger is not null)
            {
                EventNotRecorded(logger, call.RequestId, e);
            }
            return sink.FailsOpen;
        }
        NoteUsage(call, auditEvent);
        return true;
    }

    private void NoteUsage(AuditedCall call, AuditEvent recorded)
    {
        if (usage is null || !call.Succeeded || call.Operation is not { } operation || !KeyUsageTracker.IsTracked(operation)
            || call.Context is not { Trace: { IsEmpty: false } trace } ctx)
        {
            return;
        }
        var last = new KeyLastUsage(operation, ctx.Now, recorded.EventId, call.RequestId);
        foreach (var arn in trace.KeyArns)
        {
            usage.Record(arn, last);
        }
    }

    [LoggerMessage(EventId = 3010, Level = LogLevel.Error, Message = "The audit event of request {RequestId} could not be built")]
    private static partial void EventNotBuilt(ILogger logger, string requestId, Exception exception);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Error, Message = "The audit event of request {RequestId} could not be recorded")]
    private static partial void EventNotRecorded(ILogger logger, string requestId, Exception exception);
}
