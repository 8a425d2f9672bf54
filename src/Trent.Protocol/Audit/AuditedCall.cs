using Microsoft.AspNetCore.Http;
using Trent.Core;
using Trent.Core.Audit;
using Trent.Protocol.Auth;
using Trent.Protocol.Query;

namespace Trent.Protocol.Audit;

/// <summary>What one request's audit event is built from, filled in by its pipeline as the request gets further.</summary>
/// <param name="service">The IAM or STS service of a Query call once its credential scope names it; null for KMS.</param>
internal sealed class AuditedCall(HttpContext http, string requestId, QueryService? service = null)
{
    public HttpContext Http => http;
    public string RequestId => requestId;
    public QueryService? Service { get; set; } = service;

    /// <summary>Set once the signature verified; null for a request that failed authentication.</summary>
    public SigV4Result? Auth { get; set; }

    /// <summary>The operation (or Action) the request named, when it named one.</summary>
    public string? Operation { get; set; }

    public KmsRequestContext? Context { get; set; }
    public RawJson? RequestParameters { get; set; }
    public RawJson? ResponseElements { get; set; }

    /// <summary>CreateKey's new key, which no authorization saw: it did not exist yet.</summary>
    public string? CreatedKeyArn { get; set; }
    public string? ErrorCode { get; private set; }
    public string? ErrorMessage { get; private set; }

    public bool Succeeded => ErrorCode is null;

    public void Fail(string code, string? message)
    {
        ErrorCode = code;
        ErrorMessage = message;
    }
}
