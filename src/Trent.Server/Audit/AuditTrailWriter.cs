using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Trent.Core.Audit;
using Trent.Core.Crypto;
using Trent.Server.Hosting;

namespace Trent.Server.Audit;

/// <summary>
/// The audit trail on disk. Requests hand their events to a bounded queue; one writer at a time (the first request to find
/// none at work: group commit) takes whatever has queued up, chains the records (<see cref="TrailRecord"/>), writes them
/// with one positioned write, and only then completes the requests' waits: an answered request's record has reached the
/// operating system. Files are forced to disk every
/// <see cref="AuditOptions.SyncInterval"/> and when they close; closed files get a signed digest (<see cref="TrailDigest"/>).
/// When a write fails, the trail fails closed (requests are refused with a retryable 503 until a write succeeds again)
/// or, if so configured, open (the events are dropped and the failure logged).
/// </summary>
public sealed partial class AuditTrailWriter : IAuditSink, IDisposable
{
    private const int MaxBatchRecords = 1024;
    private const int MaxBatchBytes = 1024 * 1024;

    private readonly string _directory;
    private readonly AuditOptions _options;
    private readonly byte[] _digestKey;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly DigestLog _digests;
    private readonly Channel<PendingRecord> _queue;
    private readonly ArrayBufferWriter<byte> _batch = new(64 * 1024);
    private readonly List<PendingRecord> _pending = new(MaxBatchRecords);
    private readonly byte[] _lastHash = new byte[TrailRecord.HashHexLength];
    private readonly Lock _writing = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _housekeeping;
    private TrailSegment? _segment;
    private TrailDigest? _unwrittenDigest;
    private long _nextSequence;
    private DateTimeOffset _lastSync;
    private volatile bool _failing;
    private long _dropped;

    private AuditTrailWriter(
        string directory, AuditOptions options, byte[] digestKey, DigestLog digests, long nextSequence, string lastHash, TimeProvider clock, ILogger logger)
    {
        _directory = directory;
        _options = options;
        _digestKey = digestKey;
        _digests = digests;
        _nextSequence = nextSequence;
        Encoding.ASCII.GetBytes(lastHash, _lastHash);
        _clock = clock;
        _logger = logger;
        _lastSync = clock.GetUtcNow();
        // Readers take turns under the write lock, one at a time, but not always on the same thread.
        _queue = Channel.CreateBounded<PendingRecord>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
        _housekeeping = Task.Run(HousekeepAsync);
    }

    public string Directory => _directory;

    public bool Refusing => _failing && !_options.FailOpen;

    public bool FailsOpen => _options.FailOpen;

    /// <summary>
    /// Opens the trail in <paramref name="directory"/> (0700, created if absent): closes and digests what a previous
    /// process left open, then starts the writer. A directory that cannot be opened stops the start.
    /// </summary>
    public static AuditTrailWriter Open(string directory, AuditOptions options, RootKey rootKey, TimeProvider clock, ILogger logger)
    {
        var key = TrailDigest.DeriveKey(rootKey);
        DigestLog? digests = null;
        try
        {
            SecureFile.CreateDirectory(directory);
            digests = DigestLog.Open(directory);
            var (next, lastHash) = TrailRecovery.SealLeftovers(directory, digests, key, clock.GetUtcNow());
            return new AuditTrailWriter(directory, options, key, digests, next, lastHash, clock, logger);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            digests?.Dispose();
            CryptographicOperations.ZeroMemory(key);
            throw new StartupException($"The audit trail in {Path.GetFullPath(directory)} cannot be opened: {e.Message}");
        }
    }

    public async ValueTask RecordAsync(AuditEvent auditEvent)
    {
        var record = PendingRecord.For(auditEvent);
        if (!_queue.Writer.TryWrite(record))
        {
            try
            {
                await _queue.Writer.WriteAsync(record);
            }
            catch (ChannelClosedException)
            {
                record.ReturnBuffer();
                if (!_options.FailOpen)
                {
                    throw new AuditUnavailableException("The audit trail is closed.");
                }
                return;
            }
        }
        WriteQueued();
        await record.Task;
    }

    /// <summary>
    /// Group commit: the first request to find no write in progress becomes the writer and writes everything queued, its
    /// own record and those that queued meanwhile, in batches; the others wait for it. A request that finds a write in
    /// progress leaves its record to that writer, which looks at the queue again after letting go, so none is stranded.
    /// Sequential requests so write their own record with no thread hand-off; concurrent ones share one write.
    /// </summary>
    private void WriteQueued()
    {
        while (_writing.TryEnter())
        {
            try
            {
                while (WriteNextBatch())
                {
                }
                // Only a full file is closed here; syncs and closing by age happen on the timer, off the request path.
                if (_segment is { } segment && segment.Length >= _options.MaxFileBytes)
                {
                    Seal(segment, _clock.GetUtcNow());
                }
            }
            finally
            {
                _writing.Exit();
            }
            if (!_queue.Reader.TryPeek(out _))
            {
                return;
            }
        }
    }

    /// <summary>Writes up to one batch of what is queued; false when nothing was. Called holding the write lock.</summary>
    private bool WriteNextBatch()
    {
        _pending.Clear();
        var bytes = 0;
        while (_pending.Count < MaxBatchRecords && bytes < MaxBatchBytes && _queue.Reader.TryRead(out var record))
        {
            _pending.Add(record);
            bytes += record.Length;
        }
        if (_pending.Count == 0)
        {
            return false;
        }
        WriteBatch(_pending);
        return true;
    }

    /// <summary>Syncs and closes files on time even when no request comes to do it.</summary>
    private async Task HousekeepAsync()
    {
        using var timer = new PeriodicTimer(_options.SyncInterval, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                lock (_writing)
                {
                    Housekeep();
                    // Requests that queued while the sync held the lock left their records to whoever held it.
                    while (WriteNextBatch())
                    {
                    }
                }
                WriteQueued();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: Dispose writes what is left and closes the file.
        }
    }

    private void WriteBatch(List<PendingRecord> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }
        try
        {
            var segment = WritableSegment();
            _batch.ResetWrittenCount();
            Span<byte> previous = stackalloc byte[TrailRecord.HashHexLength];
            Span<byte> hash = stackalloc byte[TrailRecord.HashHexLength];
            _lastHash.CopyTo(previous);
            var sequence = _nextSequence;
            foreach (var record in batch)
            {
                TrailRecord.Write(record.Event, sequence++, previous, _batch, hash);
                hash.CopyTo(previous);
            }
            var lastHash = Encoding.ASCII.GetString(previous);
            segment.Append(_batch.WrittenSpan, batch.Count, lastHash, batch[0].EventTime, batch[^1].EventTime);
            // Written: the chain moves on, and the requests may answer.
            previous.CopyTo(_lastHash);
            _nextSequence = sequence;
            if (_failing)
            {
                _failing = false;
                Recovered(_logger, Interlocked.Exchange(ref _dropped, 0));
            }
            foreach (var record in batch)
            {
                record.TrySetResult();
            }
        }
        catch (Exception e)
        {
            Fail(batch, e);
        }
        finally
        {
            foreach (var record in batch)
            {
                record.ReturnBuffer();
            }
        }
    }

    private void Fail(List<PendingRecord> batch, Exception e)
    {
        if (!_failing)
        {
            _failing = true;
            WriteFailed(_logger, _options.FailOpen ? "dropping events (fail-open)" : "refusing requests (fail-closed)", e);
        }
        if (_options.FailOpen)
        {
            Interlocked.Add(ref _dropped, batch.Count);
            foreach (var record in batch)
            {
                record.TrySetResult();
            }
            return;
        }
        var unavailable = new AuditUnavailableException("The audit trail cannot be written.", e);
        foreach (var record in batch)
        {
            record.TrySetException(unavailable);
        }
    }

    /// <summary>The open file, after writing the digest a failed close left behind; a new file when none is open.</summary>
    private TrailSegment WritableSegment()
    {
        if (_unwrittenDigest is { } digest)
        {
            _digests.Append(digest, _digestKey);
            _unwrittenDigest = null;
        }
        return _segment ??= TrailSegment.Create(_directory, _nextSequence, Encoding.ASCII.GetString(_lastHash), _clock.GetUtcNow());
    }

    /// <summary>Closes a file that is full or old; otherwise forces written records to disk when a sync is due.</summary>
    private void Housekeep()
    {
        if (_segment is not { } segment)
        {
            return;
        }
        var now = _clock.GetUtcNow();
        if (segment.Length >= _options.MaxFileBytes || now - segment.Opened >= _options.MaxFileAge)
        {
            Seal(segment, now);
        }
        else if (segment.Dirty && now - _lastSync >= _options.SyncInterval)
        {
            Sync(segment, now);
        }
    }

    /// <summary>Forces the open file to disk; false (and the trail failing) when that did not work.</summary>
    private bool Sync(TrailSegment segment, DateTimeOffset now)
    {
        try
        {
            segment.Sync();
            _lastSync = now;
            return true;
        }
        catch (Exception e)
        {
            // What was written may not reach the disk: stop acknowledging until writing works again.
            _failing = true;
            SyncFailed(_logger, e);
            return false;
        }
    }

    /// <summary>
    /// Forces the file to disk, closes it, and appends its digest (kept for the next write if that fails). A file that
    /// could not be synced stays open: its digest must describe exactly the bytes on disk.
    /// </summary>
    private void Seal(TrailSegment segment, DateTimeOffset now)
    {
        if (!Sync(segment, now))
        {
            return;
        }
        _segment = null;
        if (segment.Records == 0)
        {
            // Opened, but every write to it failed: nothing to keep.
            segment.Dispose();
            TryDelete(segment.Path);
            return;
        }
        var digest = segment.Digest(_digests.LastSignature, now);
        segment.Dispose();
        try
        {
            _digests.Append(digest, _digestKey);
        }
        catch (Exception e)
        {
            _unwrittenDigest = digest;
            DigestFailed(_logger, digest.File, e);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The next start removes it.
        }
    }

    private void Close()
    {
        if (_segment is { } segment)
        {
            Seal(segment, _clock.GetUtcNow());
            if (_segment is not null)
            {
                _segment.Dispose();
                _segment = null;
            }
        }
        if (_unwrittenDigest is { } digest)
        {
            try
            {
                _digests.Append(digest, _digestKey);
            }
            catch (Exception e)
            {
                // The next start digests the file again from its contents.
                DigestFailed(_logger, digest.File, e);
            }
        }
        _digests.Dispose();
        CryptographicOperations.ZeroMemory(_digestKey);
    }

    /// <summary>Stops taking events, writes what is queued, closes the open file with its digest.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _stopping.Cancel();
        _housekeeping.GetAwaiter().GetResult();
        lock (_writing)
        {
            while (WriteNextBatch())
            {
            }
            Close();
        }
        _stopping.Dispose();
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Critical, Message = "The audit trail cannot be written; {Consequence}")]
    private static partial void WriteFailed(ILogger logger, string consequence, Exception exception);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "The audit trail is written again ({Dropped} events were dropped meanwhile)")]
    private static partial void Recovered(ILogger logger, long dropped);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Critical, Message = "The audit trail could not be forced to disk")]
    private static partial void SyncFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "The digest of audit trail file {File} could not be written; it is retried before the next write")]
    private static partial void DigestFailed(ILogger logger, string file, Exception exception);
}
