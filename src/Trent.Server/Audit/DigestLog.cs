using Microsoft.Win32.SafeHandles;

namespace Trent.Server.Audit;

/// <summary>
/// <c>digests.jsonl</c>, appended to as trail files close. Held open for the writer's life and written at its known
/// length, as the trail files are, so that a failed append is cut back before it is retried.
/// </summary>
internal sealed class DigestLog : IDisposable
{
    private readonly SafeFileHandle _handle;
    private long _length;
    private bool _tailTorn;

    private DigestLog(SafeFileHandle handle, long length, string lastSignature, IReadOnlySet<string> sealedFiles)
    {
        _handle = handle;
        _length = length;
        LastSignature = lastSignature;
        SealedFiles = sealedFiles;
    }

    public string LastSignature { get; private set; }

    /// <summary>The trail files that had a digest when the log was opened.</summary>
    public IReadOnlySet<string> SealedFiles { get; }

    /// <summary>The last digest in the log when it was opened, if any: where the chain continues.</summary>
    public TrailDigest? Last { get; private set; }

    /// <summary>
    /// Opens (or creates) the log. A torn last line, from a crash in the middle of an append, is cut off: its trail file
    /// is then sealed again.
    /// </summary>
    public static DigestLog Open(string directory)
    {
        var path = Path.Combine(directory, TrailFiles.DigestsFileName);
        var handle = TrailFiles.OpenHandle(path, createNew: false);
        try
        {
            var bytes = new byte[RandomAccess.GetLength(handle)];
            RandomAccess.Read(handle, bytes, 0);
            var complete = bytes.AsSpan().LastIndexOf((byte)'\n') + 1;
            if (complete < bytes.Length)
            {
                RandomAccess.SetLength(handle, complete);
            }
            var sealedFiles = new HashSet<string>(StringComparer.Ordinal);
            TrailDigest? last = null;
            ReadOnlySpan<byte> lines = bytes.AsSpan(0, complete);
            foreach (var range in lines.Split((byte)'\n'))
            {
                if (!lines[range].IsEmpty && TrailDigest.Parse(lines[range]) is { } digest)
                {
                    sealedFiles.Add(digest.File);
                    last = digest;
                }
            }
            return new DigestLog(handle, complete, last?.Signature ?? TrailDigest.GenesisSignature, sealedFiles) { Last = last };
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Signs and appends the digest of a closed file, forced to disk; throws (changing nothing) when it cannot.</summary>
    public void Append(TrailDigest unsigned, ReadOnlySpan<byte> key)
    {
        var (line, signed) = unsigned.Sign(key);
        if (_tailTorn)
        {
            RandomAccess.SetLength(_handle, _length);
            _tailTorn = false;
        }
        try
        {
            RandomAccess.Write(_handle, line, _length);
            RandomAccess.FlushToDisk(_handle);
        }
        catch
        {
            _tailTorn = true;
            throw;
        }
        _length += line.Length;
        LastSignature = signed.Signature;
    }

    public void Dispose() => _handle.Dispose();
}
