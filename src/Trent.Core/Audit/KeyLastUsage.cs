namespace Trent.Core.Audit;

/// <summary>The last successful cryptographic operation on a key: which, when, and the audit event that records it.</summary>
public sealed record KeyLastUsage(string Operation, DateTimeOffset Timestamp, string CloudTrailEventId, string KmsRequestId);
