using System.Buffers;
using System.Security.Authentication;
using Microsoft.AspNetCore.Connections.Features;
using Trent.Core;
using Trent.Core.Audit;

namespace Trent.Protocol.Audit;

/// <summary>The fields every AwsApiCall record shares, whichever protocol the call came in on.</summary>
internal static class ApiCallEvents
{
    private const int MaxUserAgentLength = 1024;
    private const int MaxOperationNameLength = 64;
    private static readonly SearchValues<char> NameChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    public static AuditEvent Build(
        AuditedCall call, string eventSource, bool readOnly, IReadOnlyList<AuditResource>? resources, TimeProvider clock)
    {
        var caller = call.Auth?.Caller;
        var claimed = caller is null ? ClaimedCredential.From(call.Http.Request) : default;
        var userAgent = call.Http.Request.Headers.UserAgent.ToString();
        return new AuditEvent
        {
            UserIdentity = caller is null ? AuditIdentities.Unauthenticated(claimed.AccessKeyId) : AuditIdentities.For(caller),
            EventTime = AuditEvent.FormatTime(call.Context?.Now ?? clock.UtcNowMillis()),
            EventSource = eventSource,
            EventName = EventName(call.Operation),
            AwsRegion = call.Auth?.Region ?? claimed.Region ?? "us-east-1",
            SourceIpAddress = call.Http.Connection.RemoteIpAddress?.ToString(),
            UserAgent = userAgent.Length > MaxUserAgentLength ? userAgent[..MaxUserAgentLength] : userAgent,
            ErrorCode = call.ErrorCode,
            ErrorMessage = call.ErrorMessage,
            RequestParameters = call.RequestParameters,
            ResponseElements = call.Succeeded ? call.ResponseElements : null,
            RequestId = call.RequestId,
            EventId = Guid.NewGuid().ToString(),
            ReadOnly = readOnly,
            Resources = resources,
            EventType = AuditEvent.ApiCall,
            RecipientAccountId = resources is [var first, ..] ? first.AccountId : caller?.AccountId,
            TlsDetails = call.Http.Request.IsHttps ? Tls(call) : null,
        };
    }

    /// <summary>
    /// The operation a request named, as given when it looks like an operation name (an unknown one is worth seeing in the
    /// trail), else <c>Unknown</c>: a header of any content must not become a field of the trail.
    /// </summary>
    private static string EventName(string? operation) =>
        operation is { Length: > 0 and <= MaxOperationNameLength } && !operation.AsSpan().ContainsAnyExcept(NameChars) ? operation : "Unknown";

    private static TlsDetails? Tls(AuditedCall call)
    {
        var tls = call.Http.Features.Get<ITlsHandshakeFeature>();
        if (tls is null)
        {
            return null;
        }
        var version = tls.Protocol switch
        {
            SslProtocols.Tls13 => "TLSv1.3",
            SslProtocols.Tls12 => "TLSv1.2",
            var other => other.ToString(),
        };
        var host = call.Http.Request.Host.Value;
        return new TlsDetails(version, tls.NegotiatedCipherSuite?.ToString() ?? "", string.IsNullOrEmpty(host) ? null : host);
    }

    /// <summary>A key ARN as one <c>resources</c> entry; the account is the ARN's fifth field.</summary>
    public static AuditResource KeyResource(string keyArn)
    {
        // arn:partition:kms:region:account:key/id
        var span = keyArn.AsSpan();
        Span<Range> parts = stackalloc Range[6];
        return new AuditResource(span.Split(parts, ':') == 6 ? span[parts[4]].ToString() : "", AuditResource.KmsKey, keyArn);
    }
}
