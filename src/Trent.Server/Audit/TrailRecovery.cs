using System.Security.Cryptography;
using System.Text;

namespace Trent.Server.Audit;

/// <summary>
/// What a start finds in the audit directory: trail files a previous process left open (it stopped without closing
/// them, or crashed) are closed now, with their digests, before writing continues in a new file. A torn last line, the
/// remains of a write a crash interrupted (never acknowledged: requests wait for their record), is cut off and counted
/// in the digest.
/// </summary>
internal static class TrailRecovery
{
    private static readonly byte[] EventTimeField = "\"eventTime\":\""u8.ToArray();

    /// <summary>Seals every unsealed trail file; returns where the chain continues: next sequence and last hash.</summary>
    public static (long NextSequence, string LastHash) SealLeftovers(string directory, DigestLog digests, ReadOnlySpan<byte> key, DateTimeOffset now)
    {
        var last = digests.Last;
        foreach (var path in TrailFiles.List(directory))
        {
            if (digests.SealedFiles.Contains(Path.GetFileName(path)))
            {
                continue;
            }
            if (Describe(path, digests.LastSignature, now) is { } digest)
            {
                digests.Append(digest, key);
                last = digest;
            }
            else
            {
                // Opened but never written to: nothing to seal or keep.
                File.Delete(path);
            }
        }
        // The chain goes on from the last record on disk; the digests only vouch for it.
        if (TrailFiles.List(directory) is [.., var lastFile] && LastRecord(lastFile) is { } record)
        {
            return (record.Sequence + 1, record.Hash);
        }
        return last is null ? (1, TrailRecord.GenesisHash) : (last.LastSequence + 1, last.LastHash);
    }

    /// <summary>The chain fields of a file's last complete record.</summary>
    private static TrailRecord.Chain? LastRecord(string path)
    {
        var bytes = File.ReadAllBytes(path);
        ReadOnlySpan<byte> content = bytes.AsSpan(0, bytes.AsSpan().LastIndexOf((byte)'\n') + 1);
        if (content.IsEmpty)
        {
            return null;
        }
        var line = content[..^1];
        var start = line.LastIndexOf((byte)'\n') + 1;
        return TrailRecord.TryRead(line[start..], out var chain) ? chain : null;
    }

    private static TrailDigest? Describe(string path, string previousSignature, DateTimeOffset now)
    {
        var bytes = File.ReadAllBytes(path);
        var complete = bytes.AsSpan().LastIndexOf((byte)'\n') + 1;
        var torn = bytes.Length - complete;
        if (torn > 0)
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Write);
            RandomAccess.SetLength(handle, complete);
        }
        ReadOnlySpan<byte> content = bytes.AsSpan(0, complete);
        TrailRecord.Chain? first = null;
        TrailRecord.Chain? lastRecord = null;
        string? firstTime = null;
        string? lastTime = null;
        long records = 0;
        foreach (var range in content.Split((byte)'\n'))
        {
            var line = content[range];
            if (line.IsEmpty || !TrailRecord.TryRead(line, out var chain))
            {
                continue;
            }
            first ??= chain;
            firstTime ??= EventTime(line);
            lastRecord = chain;
            lastTime = EventTime(line);
            records++;
        }
        if (first is not { } f || lastRecord is not { } l)
        {
            return null;
        }
        return new TrailDigest
        {
            File = Path.GetFileName(path),
            FirstSequence = f.Sequence,
            LastSequence = l.Sequence,
            Records = records,
            Bytes = complete,
            FileSha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            FirstPreviousHash = f.PreviousHash,
            LastHash = l.Hash,
            FirstEventTime = firstTime,
            LastEventTime = lastTime,
            ClosedAt = Trent.Core.Audit.AuditEvent.FormatTime(now),
            TruncatedBytes = torn,
            PreviousSignature = previousSignature,
        };
    }

    /// <summary>A record's eventTime, read without parsing the record (it is near the start, and never escaped).</summary>
    public static string? EventTime(ReadOnlySpan<byte> line)
    {
        var at = line.IndexOf(EventTimeField);
        if (at < 0)
        {
            return null;
        }
        var value = line[(at + EventTimeField.Length)..];
        var end = value.IndexOf((byte)'"');
        return end < 0 ? null : Encoding.ASCII.GetString(value[..end]);
    }
}
