using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace Trent.Server.Audit;

/// <summary>
/// The trail file being written: appended at a known length with positioned writes, so that a write that failed half way
/// is cut back before the next one, and hashed as it grows, so that closing it needs no second read.
/// </summary>
internal sealed class TrailSegment : IDisposable
{
    private readonly IncrementalHash _fileHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private bool _tailTorn;

    private TrailSegment(string path, SafeFileHandle handle, long firstSequence, string firstPreviousHash, DateTimeOffset opened)
    {
        Path = path;
        Handle = handle;
        FirstSequence = firstSequence;
        FirstPreviousHash = firstPreviousHash;
        LastHash = firstPreviousHash;
        Opened = opened;
    }

    public string Path { get; }
    public SafeFileHandle Handle { get; }
    public long FirstSequence { get; }
    public string FirstPreviousHash { get; }
    public DateTimeOffset Opened { get; }

    /// <summary>Bytes written and acknowledged; anything past them is the remains of a failed write.</summary>
    public long Length { get; private set; }

    public long Records { get; private set; }
    public string LastHash { get; private set; }
    public string? FirstEventTime { get; private set; }
    public string? LastEventTime { get; private set; }

    /// <summary>Written since the last sync to disk.</summary>
    public bool Dirty { get; private set; }

    public static TrailSegment Create(string directory, long firstSequence, string previousHash, DateTimeOffset now)
    {
        var path = System.IO.Path.Combine(directory, TrailFiles.NameFor(firstSequence, now));
        var handle = TrailFiles.OpenHandle(path, createNew: true);
        return new TrailSegment(path, handle, firstSequence, previousHash, now);
    }

    /// <summary>
    /// Writes a batch of whole records after the acknowledged bytes. Throws on failure, leaving the acknowledged state as
    /// it was; the next append first cuts the file back to it.
    /// </summary>
    public void Append(ReadOnlySpan<byte> records, long count, string lastHash, string firstEventTime, string lastEventTime)
    {
        CutTornTail();
        try
        {
            RandomAccess.Write(Handle, records, Length);
        }
        catch
        {
            _tailTorn = true;
            throw;
        }
        Length += records.Length;
        Records += count;
        LastHash = lastHash;
        FirstEventTime ??= firstEventTime;
        LastEventTime = lastEventTime;
        Dirty = true;
        _fileHash.AppendData(records);
    }

    /// <summary>
    /// Forces the acknowledged bytes to disk, first cutting off what a failed write left after them: a full disk takes
    /// part of a batch before it refuses the rest, and those records were never acknowledged nor digested.
    /// </summary>
    public void Sync()
    {
        CutTornTail();
        RandomAccess.FlushToDisk(Handle);
        Dirty = false;
    }

    private void CutTornTail()
    {
        if (_tailTorn)
        {
            RandomAccess.SetLength(Handle, Length);
            _tailTorn = false;
        }
    }

    /// <summary>The digest of the file as written (before signing), once it is closed.</summary>
    public TrailDigest Digest(string previousSignature, DateTimeOffset closedAt) => new()
    {
        File = System.IO.Path.GetFileName(Path),
        FirstSequence = FirstSequence,
        LastSequence = FirstSequence + Records - 1,
        Records = Records,
        Bytes = Length,
        FileSha256 = Convert.ToHexStringLower(_fileHash.GetCurrentHash()),
        FirstPreviousHash = FirstPreviousHash,
        LastHash = LastHash,
        FirstEventTime = FirstEventTime,
        LastEventTime = LastEventTime,
        ClosedAt = Trent.Core.Audit.AuditEvent.FormatTime(closedAt),
        PreviousSignature = previousSignature,
    };

    public void Dispose()
    {
        Handle.Dispose();
        _fileHash.Dispose();
    }
}
