namespace Trent.Core.Audit;

/// <summary>Where audit events go: the trail. A request is answered only after its event is recorded.</summary>
public interface IAuditSink
{
    /// <summary>
    /// True while the trail cannot be written and the sink fails closed: requests are refused without being performed.
    /// Each refused request's own event retries the write, so the first one that is recorded ends the refusal.
    /// </summary>
    bool Refusing { get; }

    /// <summary>Whether the sink lets requests through when it cannot record them (a development setting).</summary>
    bool FailsOpen { get; }

    /// <summary>
    /// Records <paramref name="auditEvent"/> and completes once it is written to the operating system (it survives a crash
    /// of the process). Throws <see cref="AuditUnavailableException"/> when it could not be written and the sink fails
    /// closed; failing open, the event is dropped and the failure logged.
    /// </summary>
    ValueTask RecordAsync(AuditEvent auditEvent);
}

/// <summary>The audit trail could not record an event, so the request it describes must not be acknowledged.</summary>
public sealed class AuditUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A sink that records nothing: for embedders and tests that run without a trail.</summary>
public sealed class NullAuditSink : IAuditSink
{
    public static readonly NullAuditSink Instance = new();

    public bool Refusing => false;

    public bool FailsOpen => true;

    public ValueTask RecordAsync(AuditEvent auditEvent) => ValueTask.CompletedTask;
}
