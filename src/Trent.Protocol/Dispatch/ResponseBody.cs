using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Trent.Protocol.Dispatch;

/// <summary>
/// A serialized response in a pooled buffer. The JSON is written with a per-thread writer (serializing does not await)
/// and copied into a buffer rented for exactly this response, which lives until the response is written: no writer,
/// buffer or array is allocated per request.
/// </summary>
internal readonly struct ResponseBody
{
    /// <summary>Beyond this, a thread's scratch buffer is dropped after use rather than kept (a large ListKeys, say).</summary>
    private const int MaxKeptCapacity = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private readonly byte[] _bytes;

    private ResponseBody(byte[] bytes, int length)
    {
        _bytes = bytes;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlyMemory<byte> Memory => _bytes.AsMemory(0, Length);

    /// <summary>The response body, or null for operations AWS answers with an empty body.</summary>
    public static ResponseBody? Serialize(OperationResult result)
    {
        if (result.Response is null || result.TypeInfo is null)
        {
            return null;
        }
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        try
        {
            writer.Reset(buffer);
            JsonSerializer.Serialize(writer, result.Response, result.TypeInfo);
            var bytes = ArrayPool<byte>.Shared.Rent(buffer.WrittenCount);
            buffer.WrittenSpan.CopyTo(bytes);
            return new ResponseBody(bytes, buffer.WrittenCount);
        }
        finally
        {
            // The scratch copy may hold plaintext or a data key: wiped at once, whatever the response.
            buffer.Clear();
            if (buffer.Capacity > MaxKeptCapacity)
            {
                t_buffer = null;
                t_writer = null;
            }
        }
    }

    /// <summary>Returns the buffer to the pool, wiped first when the response carried secrets.</summary>
    public void Release(bool sensitive)
    {
        if (sensitive)
        {
            CryptographicOperations.ZeroMemory(_bytes.AsSpan(0, Length));
        }
        ArrayPool<byte>.Shared.Return(_bytes);
    }
}
