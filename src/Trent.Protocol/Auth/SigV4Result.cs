using Trent.Core.Identity;

namespace Trent.Protocol.Auth;

/// <summary>An authenticated request: who signed it, and the credential scope it was signed for.</summary>
public sealed record SigV4Result(CallerIdentity Caller, string Region, string Service, DateTimeOffset SignedAt);
