using Microsoft.AspNetCore.Http;
using Trent.Core;
using Trent.Core.Audit;
using Trent.Protocol.Auth;

namespace Trent.Protocol.Dispatch;

/// <summary>The facts about a request that policies and the audit trail use: caller, region, time, address, TLS, and a trace of the keys it touches.</summary>
public static class RequestFacts
{
    public static KmsRequestContext Context(HttpContext http, SigV4Result auth, string requestId, TimeProvider clock) =>
        new(auth.Caller, auth.Region, requestId, clock.UtcNowMillis())
        {
            SourceIp = http.Connection.RemoteIpAddress?.ToString(),
            SecureTransport = http.Request.IsHttps,
            UserAgent = http.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null,
            Trace = new RequestTrace(),
        };
}
