using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Trent.Core.Storage;

namespace Trent.Server.Backup;

/// <summary>
/// Writes an archive to a temporary file beside the target (mode 0600: it holds sealed secrets and key metadata) and
/// moves it into place only when complete, so that a failed backup never leaves a file that looks whole.
/// </summary>
internal sealed class ArchiveWriter : IAsyncDisposable
{
    private readonly string _path;
    private readonly string _partial;
    private readonly FileStream _file;
    private readonly GZipStream _zip;
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _records;
    private bool _completed;

    private ArchiveWriter(string path)
    {
        _path = Path.GetFullPath(path);
        _partial = _path + ".partial";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        _file = new FileStream(_partial, options);
        _zip = new GZipStream(_file, CompressionLevel.Fastest, leaveOpen: true);
    }

    public static async Task<ArchiveWriter> CreateAsync(string path, ArchiveHeader header, CancellationToken ct)
    {
        if (File.Exists(path))
        {
            throw new IOException($"{path} already exists; choose another file or move it away.");
        }
        var writer = new ArchiveWriter(path);
        await writer.WriteLineAsync(JsonSerializer.SerializeToUtf8Bytes(header, ArchiveJsonContext.Default.ArchiveHeader), ct);
        return writer;
    }

    public async Task WriteAsync(ArchiveRecord record, CancellationToken ct)
    {
        await WriteAsync(ArchiveJson.Line(record), ct);
        _records++;
    }

    /// <summary>Writes the trailer, flushes to disk and moves the file into place.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        var trailer = new ArchiveTrailer("end", _records, Convert.ToHexStringLower(_sha256.GetHashAndReset()));
        await _zip.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(trailer, ArchiveJsonContext.Default.ArchiveTrailer), ct);
        await _zip.WriteAsync("\n"u8.ToArray(), ct);
        await _zip.FlushAsync(ct);
        await _zip.DisposeAsync();
        _file.Flush(flushToDisk: true);
        await _file.DisposeAsync();
        File.Move(_partial, _path);
        _completed = true;
    }

    private Task WriteLineAsync(byte[] json, CancellationToken ct)
    {
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        return WriteAsync(line, ct);
    }

    private async Task WriteAsync(byte[] line, CancellationToken ct)
    {
        _sha256.AppendData(line);
        await _zip.WriteAsync(line, ct);
    }

    public async ValueTask DisposeAsync()
    {
        _sha256.Dispose();
        if (!_completed)
        {
            await _zip.DisposeAsync();
            await _file.DisposeAsync();
            File.Delete(_partial);
        }
    }
}
