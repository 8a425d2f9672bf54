using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Trent.Core;
using Trent.Protocol.Audit;
using Trent.Protocol.Auth;
using Trent.Protocol.Validation;

namespace Trent.Protocol.Dispatch;

/// <summary>
/// The one path every KMS request takes: read the capped body, verify SigV4, find the operation, validate against
/// the service model, run it, record the audit event, then write the response or the AWS-shaped error. Nothing is
/// answered before its event is recorded: when the trail cannot record, the answer is a retryable 503 instead.
/// </summary>
public sealed class RequestPipeline(
    OperationTable operations, SigV4Verifier verifier, TimeProvider clock, ILogger<RequestPipeline> logger, RequestAudit? audit = null)
{
    public const int MaxBodyBytes = 1024 * 1024;
    private const string TargetPrefix = "TrentService.";
    private static readonly ServiceModel Model = ServiceModel.Kms;

    private readonly RequestAudit _audit = audit ?? RequestAudit.None(clock);

    public async Task HandleAsync(HttpContext http)
    {
        var requestId = Guid.NewGuid().ToString();
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        // Every request leaves one audit event, built from as far as the request got.
        var call = new AuditedCall(http, requestId);
        byte[]? body = null;
        var length = 0;
        JsonDocument? document = null;
        OperationResult result = default;
        ResponseBody? answer = null;
        (KmsErrorCode Code, string? Message)? error = null;
        try
        {
            try
            {
                (body, length) = await ReadBodyAsync(http);
                var request = http.Request;
                var rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
                var queryAt = rawTarget.IndexOf('?', StringComparison.Ordinal);
                var rawPath = queryAt < 0 ? rawTarget : rawTarget[..queryAt];
                var rawQuery = queryAt < 0 ? "" : rawTarget[(queryAt + 1)..];
                // Named before authentication, so that a refused signature is recorded against the operation it asked for.
                var operationName = OperationName(request.Headers["X-Amz-Target"].ToString());
                call.Operation = operationName;
                var auth = await verifier.VerifyAsync(
                    new SigV4Request(request.Method, rawPath, rawQuery, request.Headers, body.AsMemory(0, length)), http.RequestAborted);
                call.Auth = auth;

                if (!HttpMethods.IsPost(request.Method) || rawPath != "/" || operationName is null || !Model.Inputs.TryGetValue(operationName, out var input))
                {
                    throw new KmsException(KmsErrorCode.UnknownOperationException);
                }
                var operation = operations.Find(operationName) ?? throw new KmsException(KmsErrorCode.UnsupportedOperationException,
                    $"Trent does not implement the {operationName} operation.");

                document = RequestJson.Parse(body.AsMemory(0, length));
                call.RequestParameters = KmsAudit.RequestParameters(operationName, document.RootElement, input);
                if (input is not null)
                {
                    RequestValidator.Validate(document.RootElement, input);
                }
                var ctx = RequestFacts.Context(http, auth, requestId, clock);
                call.Context = ctx;
                if (_audit.Refusing)
                {
                    throw RequestAudit.Unavailable();
                }
                result = await operation.InvokeAsync(document.RootElement, ctx, http.RequestAborted);
                answer = ResponseBody.Serialize(result);
                call.ResponseElements = KmsAudit.ResponseElements(operationName, answer?.Memory ?? default, out var created);
                call.CreatedKeyArn = created;
            }
            catch (KmsException e)
            {
                PipelineLog.Refused(logger, requestId, call.Operation, e.Code.ToString(), e.Detail ?? "");
                error = (e.Code, e.WireMessage);
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                // The client went away; there is no one to answer, but the request still happened.
                call.Fail("RequestCanceled", "The client closed the connection before the response.");
            }
            catch (Exception e)
            {
                PipelineLog.InternalError(logger, requestId, call.Operation, e);
                error = (KmsErrorCode.KMSInternalException, $"An internal error occurred. Request id: {requestId}");
            }
            if (error is { } failed)
            {
                call.Fail(failed.Code.ToString(), failed.Message);
            }

            if (!await _audit.RecordAsync(call))
            {
                // Nothing is acknowledged that the trail did not record.
                PipelineLog.Refused(logger, requestId, call.Operation, nameof(KmsErrorCode.DependencyTimeoutException), "the audit trail cannot be written");
                error = (KmsErrorCode.DependencyTimeoutException, RequestAudit.UnavailableMessage);
            }
            if (http.RequestAborted.IsCancellationRequested)
            {
                return;
            }
            if (error is { } refused)
            {
                await ErrorWriter.WriteAsync(http.Response, refused.Code, refused.Message);
            }
            else
            {
                await WriteAsync(http.Response, answer);
            }
        }
        finally
        {
            document?.Dispose();
            if (result.Response is ISensitiveResponse sensitive)
            {
                // The answer carries plaintext or a data key: wiped whether or not it was sent.
                sensitive.Clear();
            }
            answer?.Release(sensitive: result.Response is ISensitiveResponse);
            if (body is not null)
            {
                // Request bodies carry plaintext; wipe before the buffer goes back to the pool.
                CryptographicOperations.ZeroMemory(body.AsSpan(0, length));
                ArrayPool<byte>.Shared.Return(body);
            }
        }
    }

    private static string? OperationName(string target) =>
        target.StartsWith(TargetPrefix, StringComparison.Ordinal) && target.Length > TargetPrefix.Length
            ? target[TargetPrefix.Length..]
            : null;

    /// <summary>The body in a pooled buffer (the caller wipes and returns it), refused beyond <see cref="MaxBodyBytes"/>; shared with the Query pipeline.</summary>
    internal static async Task<(byte[] Body, int Length)> ReadBodyAsync(HttpContext http)
    {
        var declared = http.Request.ContentLength;
        if (declared > MaxBodyBytes)
        {
            throw TooLarge();
        }
        var buffer = ArrayPool<byte>.Shared.Rent(declared is { } d ? (int)Math.Max(d, 1) : 4096);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length > MaxBodyBytes)
                    {
                        throw TooLarge();
                    }
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBodyBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    CryptographicOperations.ZeroMemory(buffer.AsSpan(0, length));
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await ReadAsync(http, buffer.AsMemory(length));
                if (read == 0)
                {
                    break;
                }
                length += read;
                if (length > MaxBodyBytes)
                {
                    throw TooLarge();
                }
            }
            return (buffer, length);
        }
        catch
        {
            CryptographicOperations.ZeroMemory(buffer.AsSpan(0, Math.Min(length, buffer.Length)));
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>A body that ends early or arrives too slowly is the client's fault: a 4xx, not an internal error.</summary>
    private static async ValueTask<int> ReadAsync(HttpContext http, Memory<byte> destination)
    {
        try
        {
            return await http.Request.Body.ReadAsync(destination, http.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            throw e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? TooLarge()
                : new KmsException(KmsErrorCode.SerializationException, $"The request body could not be read: {e.Message}");
        }
    }

    private static KmsException TooLarge() =>
        new(KmsErrorCode.RequestEntityTooLargeException, $"The request body exceeds the maximum size of {MaxBodyBytes} bytes.");

    private static async Task WriteAsync(HttpResponse response, ResponseBody? body)
    {
        response.StatusCode = 200;
        response.ContentType = ErrorWriter.ContentType;
        response.ContentLength = body?.Length ?? 0;
        if (body is { } bytes)
        {
            await response.Body.WriteAsync(bytes.Memory);
        }
    }
}
