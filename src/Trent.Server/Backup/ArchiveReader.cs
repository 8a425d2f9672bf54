using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Trent.Core.Storage;

namespace Trent.Server.Backup;

/// <summary>What a verified archive holds: its header, and the check value of the root key its secrets are sealed under.</summary>
internal sealed record ArchiveSummary(ArchiveHeader Header, string? RootKeyCheck);

/// <summary>
/// Reads an archive in two passes: <see cref="VerifyAsync"/> checks the format, the record count and the checksum of
/// the whole file before anything is restored; <see cref="RecordsAsync"/> then streams the records.
/// </summary>
internal static class ArchiveReader
{
    public static async Task<ArchiveSummary> VerifyAsync(string path, CancellationToken ct)
    {
        try
        {
            return await ScanAsync(path, ct);
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException or EndOfStreamException)
        {
            // A line cut short or bytes changed: the file is not what trent backup wrote.
            throw Corrupt(path, e.Message.TrimEnd('.'));
        }
    }

    private static async Task<ArchiveSummary> ScanAsync(string path, CancellationToken ct)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        ArchiveHeader? header = null;
        string? rootKeyCheck = null;
        long records = 0;
        await foreach (var line in LinesAsync(path, ct))
        {
            if (header is null)
            {
                header = ParseHeader(line);
            }
            else if (IsTrailer(line, out var trailer))
            {
                if (trailer.Records != records || trailer.Records != header.Records)
                {
                    throw Corrupt(path, $"it declares {header.Records} records and ends after {trailer.Records}, but holds {records}");
                }
                if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(trailer.Sha256), Encoding.ASCII.GetBytes(Convert.ToHexStringLower(sha256.GetHashAndReset()))))
                {
                    throw Corrupt(path, "its checksum does not match its contents");
                }
                return new ArchiveSummary(header, rootKeyCheck);
            }
            else
            {
                using var document = JsonDocument.Parse(line);
                if (ArchiveJson.Parse(document.RootElement) is ArchiveRecord.MetaRow { Name: ArchiveFormat.RootKeyCheckName } check)
                {
                    rootKeyCheck = check.Value;
                }
                records++;
            }
            sha256.AppendData(line);
            sha256.AppendData("\n"u8);
        }
        throw Corrupt(path, "it ends before its trailer (a truncated file)");
    }

    /// <summary>The records of an archive that <see cref="VerifyAsync"/> accepted.</summary>
    public static async IAsyncEnumerable<ArchiveRecord> RecordsAsync(string path, [EnumeratorCancellation] CancellationToken ct)
    {
        var first = true;
        await foreach (var line in LinesAsync(path, ct))
        {
            if (first)
            {
                first = false;
                continue;
            }
            if (IsTrailer(line, out _))
            {
                yield break;
            }
            using var document = JsonDocument.Parse(line);
            yield return ArchiveJson.Parse(document.RootElement);
        }
    }

    private static ArchiveHeader ParseHeader(byte[] line)
    {
        ArchiveHeader? header;
        try
        {
            header = JsonSerializer.Deserialize(line, ArchiveJsonContext.Default.ArchiveHeader);
        }
        catch (JsonException)
        {
            header = null;
        }
        if (header is null || header.Format != ArchiveFormat.Name)
        {
            throw new InvalidDataException("This is not a Trent backup (it does not start with a trent-backup header).");
        }
        if (header.Version != ArchiveFormat.Version)
        {
            throw new InvalidDataException($"This backup has format version {header.Version}; this Trent reads version {ArchiveFormat.Version}.");
        }
        return header;
    }

    private static bool IsTrailer(byte[] line, out ArchiveTrailer trailer)
    {
        trailer = null!;
        if (!line.AsSpan().StartsWith("{\"type\":\"end\""u8))
        {
            return false;
        }
        trailer = JsonSerializer.Deserialize(line, ArchiveJsonContext.Default.ArchiveTrailer)!;
        return true;
    }

    private static async IAsyncEnumerable<byte[]> LinesAsync(string path, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        await using var zip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(zip, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            yield return Encoding.UTF8.GetBytes(line);
        }
    }

    private static InvalidDataException Corrupt(string path, string why) => new($"{path} is not a complete Trent backup: {why}.");
}
