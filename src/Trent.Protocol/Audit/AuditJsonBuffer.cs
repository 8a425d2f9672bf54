using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Trent.Core.Audit;

namespace Trent.Protocol.Audit;

/// <summary>
/// A per-thread JSON writer for the audit trail's fragments. The trail is read by people and SIEMs, so values keep
/// their characters (the relaxed encoder) while quotes, control characters and line breaks are still escaped: one
/// record stays one line.
/// </summary>
internal static class AuditJsonBuffer
{
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>
    /// Runs <paramref name="write"/> on a reset writer and returns what it wrote, or null when it wrote nothing.
    /// <paramref name="write"/> must not await: the writer belongs to the thread.
    /// </summary>
    public static RawJson? Write<TState>(TState state, Func<Utf8JsonWriter, TState, bool> write)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, Options);
        writer.Reset(buffer);
        var wrote = write(writer, state);
        writer.Flush();
        var result = wrote ? new RawJson(buffer.WrittenSpan.ToArray()) : null;
        if (buffer.Capacity > 64 * 1024)
        {
            // One huge policy document must not pin its buffer to the thread for good.
            t_buffer = null;
            t_writer = null;
        }
        return result;
    }
}
