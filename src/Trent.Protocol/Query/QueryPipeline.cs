using System.Buffers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Trent.Core;
using Trent.Core.Authorization.Policies;
using Trent.Core.Identity.Iam;
using Trent.Protocol.Audit;
using Trent.Protocol.Auth;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Validation;

namespace Trent.Protocol.Query;

/// <summary>
/// The path of IAM and STS requests (AWS Query protocol): read the capped body, parse the form, verify SigV4 for the
/// iam or sts signing name, find the Action in that service's model, validate against the model, run the operation,
/// record the audit event, then write the XML response or the XML error. Every response carries <c>x-amzn-RequestId</c>;
/// nothing is answered before its event is recorded.
/// </summary>
public sealed class QueryPipeline(
    QueryOperationTable operations, SigV4Verifier verifier, TimeProvider clock, ILogger<QueryPipeline> logger, RequestAudit? audit = null)
{
    private const string FormContentType = "application/x-www-form-urlencoded";

    private readonly RequestAudit _audit = audit ?? RequestAudit.None(clock);

    /// <summary>
    /// Whether a request speaks Query rather than KMS's JSON: it has no X-Amz-Target and carries a form (or, as a GET,
    /// its Action in the query string). Decided before authentication, so that authentication errors come back as XML.
    /// </summary>
    public static bool Accepts(HttpRequest request) =>
        !request.Headers.ContainsKey("X-Amz-Target")
        && ((request.ContentType?.StartsWith(FormContentType, StringComparison.OrdinalIgnoreCase) ?? false)
            || (HttpMethods.IsGet(request.Method) && request.Query.ContainsKey("Action")));

    public async Task HandleAsync(HttpContext http)
    {
        var requestId = Guid.NewGuid().ToString();
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        // Until the credential scope names the service, errors are written in STS's namespace (clients ignore it).
        var service = QueryService.Sts;
        var call = new AuditedCall(http, requestId, service);
        byte[]? body = null;
        var length = 0;
        byte[]? answer = null;
        var sensitive = false;
        QueryError? error = null;
        try
        {
            try
            {
                (body, length) = await RequestPipeline.ReadBodyAsync(http);
                var request = http.Request;
                var rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
                var queryAt = rawTarget.IndexOf('?', StringComparison.Ordinal);
                var rawPath = queryAt < 0 ? rawTarget : rawTarget[..queryAt];
                var rawQuery = queryAt < 0 ? "" : rawTarget[(queryAt + 1)..];
                var parameters = FormParameters.Parse(rawQuery, body.AsSpan(0, length));
                var action = parameters.GetValueOrDefault("Action");
                call.Operation = action;
                var auth = await verifier.VerifyAsync(
                    new SigV4Request(request.Method, rawPath, rawQuery, request.Headers, body.AsMemory(0, length)), http.RequestAborted);
                call.Auth = auth;
                service = QueryService.BySigningName(auth.Service) ?? throw QueryErrors.UnknownAction(action, service);
                call.Service = service;

                if (!(HttpMethods.IsPost(request.Method) || HttpMethods.IsGet(request.Method)) || rawPath != "/"
                    || action is null || !service.Model.Inputs.TryGetValue(action, out var input))
                {
                    throw QueryErrors.UnknownAction(action, service);
                }
                var operation = operations.Find(service, action) ?? throw QueryErrors.Unimplemented(action, service);
                using var document = QueryInput.ToJson(parameters, input);
                call.RequestParameters = QueryAudit.RequestParameters(document.RootElement, input);
                if (input is not null)
                {
                    RequestValidator.Validate(document.RootElement, input);
                }
                var ctx = new KmsRequestContext(auth.Caller, auth.Region, requestId, clock.UtcNowMillis())
                {
                    SourceIp = http.Connection.RemoteIpAddress?.ToString(),
                    SecureTransport = request.IsHttps,
                    UserAgent = request.Headers.UserAgent.ToString(),
                };
                call.Context = ctx;
                if (_audit.Refusing)
                {
                    throw RequestAudit.Unavailable();
                }
                var result = await operation.InvokeAsync(new QueryArgs(document.RootElement), ctx, http.RequestAborted);
                sensitive = result.Sensitive;
                answer = Render(service, action, result, requestId);
                call.ResponseElements = QueryAudit.ResponseElements(service, action, answer);
            }
            catch (Exception e) when (Describe(e) is { } described)
            {
                QueryLog.Refused(logger, requestId, service.SigningName, call.Operation, described.Code);
                error = described;
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                // The client went away; there is no one to answer, but the request still happened.
                call.Fail("RequestCanceled", "The client closed the connection before the response.");
            }
            catch (Exception e)
            {
                QueryLog.InternalError(logger, requestId, service.SigningName, call.Operation, e);
                error = QueryErrors.Internal(requestId);
            }
            if (error is { } failed)
            {
                call.Fail(failed.Code, failed.Message);
            }

            if (!await _audit.RecordAsync(call))
            {
                // Nothing is acknowledged that the trail did not record.
                QueryLog.Refused(logger, requestId, service.SigningName, call.Operation, "ServiceUnavailable");
                error = QueryErrors.Unavailable();
            }
            if (http.RequestAborted.IsCancellationRequested)
            {
                return;
            }
            if (error is { } refused)
            {
                await QueryErrorWriter.WriteAsync(http.Response, service, refused, requestId);
            }
            else
            {
                await WriteAsync(http.Response, answer!);
            }
        }
        finally
        {
            if (sensitive && answer is not null)
            {
                // The answer carries a secret (CreateAccessKey, AssumeRole): wiped whether or not it was sent.
                CryptographicOperations.ZeroMemory(answer);
            }
            if (body is not null)
            {
                // Request bodies may carry policy documents and, as everywhere, are wiped before they go back to the pool.
                CryptographicOperations.ZeroMemory(body.AsSpan(0, length));
                ArrayPool<byte>.Shared.Return(body);
            }
        }
    }

    /// <summary>The client-visible errors; null for anything else, which is an internal error.</summary>
    private static QueryError? Describe(Exception e) => e switch
    {
        IamException iam => QueryErrors.From(iam),
        KmsException kms => QueryErrors.From(kms),
        MalformedPolicyException malformed => QueryErrors.From(malformed),
        _ => null,
    };

    private static byte[] Render(QueryService service, string action, QueryResult result, string requestId) =>
        QueryXml.Document($"{action}Response", service.XmlNamespace, xml =>
        {
            if (result.Members is { } members)
            {
                xml.Structure($"{action}Result", members);
            }
            xml.Structure("ResponseMetadata", m => m.Element("RequestId", requestId));
        });

    private static async Task WriteAsync(HttpResponse response, byte[] body)
    {
        response.StatusCode = 200;
        response.ContentType = QueryErrorWriter.ContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }
}
