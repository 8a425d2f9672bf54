using Trent.Core.Audit;
using Trent.Core.Identity;

namespace Trent.Core;

/// <summary>What every operation knows about its request: who, where, when and which request.</summary>
public sealed record KmsRequestContext(CallerIdentity Caller, string Region, string RequestId, DateTimeOffset Now)
{
    public string AccountId => Caller.AccountId;

    /// <summary>The client's address (aws:SourceIp); null when unknown.</summary>
    public string? SourceIp { get; init; }

    /// <summary>Whether the request came over TLS (aws:SecureTransport).</summary>
    public bool SecureTransport { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>The keys the request touches, noted for its audit event; null where nothing is audited (unit tests).</summary>
    public RequestTrace? Trace { get; init; }
}
