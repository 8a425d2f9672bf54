using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Trent.Core;

namespace Trent.Protocol.Dispatch;

/// <summary>Writes an AWS JSON 1.1 error: status, <c>x-amzn-ErrorType</c>, and <c>{"__type": ..., "message": ...}</c>.</summary>
public static class ErrorWriter
{
    public const string ContentType = "application/x-amz-json-1.1";

    public static async Task WriteAsync(HttpResponse response, KmsErrorCode code, string? message)
    {
        var wire = ErrorTable.For(code);
        response.StatusCode = wire.Status;
        response.ContentType = ContentType;
        response.Headers["x-amzn-ErrorType"] = wire.Type;
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("__type", wire.Type);
            if (!string.IsNullOrEmpty(message))
            {
                json.WriteString(wire.MessageKey, message);
            }
            json.WriteEndObject();
        }
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory);
    }
}
