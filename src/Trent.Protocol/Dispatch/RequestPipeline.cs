using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Trent.Core;
using Trent.Protocol.Auth;
using Trent.Protocol.Validation;

namespace Trent.Protocol.Dispatch;

/// <summary>
/// The one path every KMS request takes: read the capped body, verify SigV4, find the operation, validate against
/// the service model, run it, write the response or the AWS-shaped error.
/// </summary>
public sealed class RequestPipeline(OperationTable operations, SigV4Verifier verifier, TimeProvider clock, ILogger<RequestPipeline> logger)
{
    public const int MaxBodyBytes = 1024 * 1024;
    private const string TargetPrefix = "TrentService.";
    private static readonly ServiceModel Model = ServiceModel.Kms;

    public async Task HandleAsync(HttpContext http)
    {
        var requestId = Guid.NewGuid().ToString();
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        string? operationName = null;
        byte[]? body = null;
        var length = 0;
        try
        {
            (body, length) = await ReadBodyAsync(http);
            var request = http.Request;
            var rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
            var queryAt = rawTarget.IndexOf('?', StringComparison.Ordinal);
            var rawPath = queryAt < 0 ? rawTarget : rawTarget[..queryAt];
            var rawQuery = queryAt < 0 ? "" : rawTarget[(queryAt + 1)..];
            var auth = await verifier.VerifyAsync(
                new SigV4Request(request.Method, rawPath, rawQuery, request.Headers, body.AsMemory(0, length)), http.RequestAborted);

            operationName = OperationName(request.Headers["X-Amz-Target"].ToString());
            if (!HttpMethods.IsPost(request.Method) || rawPath != "/" || operationName is null || !Model.Inputs.TryGetValue(operationName, out var input))
            {
                throw new KmsException(KmsErrorCode.UnknownOperationException);
            }
            var operation = operations.Find(operationName) ?? throw new KmsException(KmsErrorCode.UnsupportedOperationException,
                $"Trent does not implement the {operationName} operation.");

            using var document = RequestJson.Parse(body.AsMemory(0, length));
            if (input is not null)
            {
                RequestValidator.Validate(document.RootElement, input);
            }
            var ctx = new KmsRequestContext(auth.Caller, auth.Region, requestId, clock.UtcNowMillis());
            var result = await operation.InvokeAsync(document.RootElement, ctx, http.RequestAborted);
            await WriteResultAsync(http.Response, result);
        }
        catch (KmsException e)
        {
            PipelineLog.Refused(logger, requestId, operationName, e.Code.ToString());
            await ErrorWriter.WriteAsync(http.Response, e.Code, e.WireMessage);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            PipelineLog.InternalError(logger, requestId, operationName, e);
            await ErrorWriter.WriteAsync(http.Response, KmsErrorCode.KMSInternalException, $"An internal error occurred. Request id: {requestId}");
        }
        finally
        {
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

    private static async Task WriteResultAsync(HttpResponse response, OperationResult result)
    {
        response.StatusCode = 200;
        response.ContentType = ErrorWriter.ContentType;
        if (result.Response is null || result.TypeInfo is null)
        {
            response.ContentLength = 0;
            return;
        }
        var buffer = new ArrayBufferWriter<byte>(512);
        try
        {
            using (var json = new Utf8JsonWriter(buffer))
            {
                JsonSerializer.Serialize(json, result.Response, result.TypeInfo);
            }
            response.ContentLength = buffer.WrittenCount;
            await response.Body.WriteAsync(buffer.WrittenMemory);
        }
        finally
        {
            if (result.Response is ISensitiveResponse sensitive)
            {
                sensitive.Clear();
                buffer.Clear();
            }
        }
    }
}
