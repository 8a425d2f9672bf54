using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Trent.Core.Audit;

namespace Trent.Server.Audit;

/// <summary>
/// An event on its way to the trail: serialized on the request's thread (in parallel, off the writer), completed by the
/// writer once its batch is written, or failed when the trail cannot record it.
/// </summary>
internal sealed class PendingRecord : TaskCompletionSource
{
    // The trail is read by people and SIEMs: characters stay as they are; quotes, control characters and line breaks are
    // still escaped, so a record is always one line.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>
    /// The trail's own pool, not <see cref="ArrayPool{T}.Shared"/>: an array some other component returned twice, or wrote
    /// to after returning it, could otherwise be handed out as a record's buffer and overwritten while the record waits
    /// for the writer, which then chains and signs the damage (or fails on it, refusing requests). Records beyond 64 KiB
    /// (huge policies) are rare and get arrays of their own, so the pool keeps at most 8 MiB.
    /// </summary>
    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(maxArrayLength: 64 * 1024, maxArraysPerBucket: 64);

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private PendingRecord(byte[] json, int length, string eventTime)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        Json = json;
        Length = length;
        EventTime = eventTime;
    }

    /// <summary>A pooled buffer: the writer returns it once the batch is written or failed.</summary>
    public byte[] Json { get; }

    public int Length { get; }
    public string EventTime { get; }

    public ReadOnlySpan<byte> Event => Json.AsSpan(0, Length);

    public static PendingRecord For(AuditEvent auditEvent)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(2048);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, auditEvent, AuditJson.Default.AuditEvent);
        var json = Pool.Rent(buffer.WrittenCount);
        buffer.WrittenSpan.CopyTo(json);
        var record = new PendingRecord(json, buffer.WrittenCount, auditEvent.EventTime);
        if (buffer.Capacity > 64 * 1024)
        {
            // One record with a huge policy must not pin its buffer to the thread for good.
            t_buffer = null;
            t_writer = null;
        }
        return record;
    }

    public void ReturnBuffer() => Pool.Return(Json);
}
