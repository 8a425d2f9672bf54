using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Trent.Server.Audit;

/// <summary>
/// The digest of a closed trail file, one line of <c>digests.jsonl</c>, in the spirit of CloudTrail's digest files: the
/// file's SHA-256, where its part of the record chain starts and ends, and the previous digest's signature. Each digest
/// is signed with HMAC-SHA256 under a key derived from the root key (covering the line up to <c>,"signature"</c>), so
/// that whoever can rewrite the trail files but does not hold the root key cannot make altered files match.
/// </summary>
public sealed record TrailDigest
{
    public const int Version = 1;

    /// <summary>The previous signature of the first digest.</summary>
    public static readonly string GenesisSignature = new('0', 64);

    private static readonly byte[] SignatureField = ",\"signature\":\""u8.ToArray();

    public required string File { get; init; }
    public required long FirstSequence { get; init; }
    public required long LastSequence { get; init; }
    public required long Records { get; init; }
    public required long Bytes { get; init; }
    public required string FileSha256 { get; init; }
    public required string FirstPreviousHash { get; init; }
    public required string LastHash { get; init; }
    public string? FirstEventTime { get; init; }
    public string? LastEventTime { get; init; }
    public required string ClosedAt { get; init; }

    /// <summary>Bytes of a torn last line (a crash in the middle of a write) cut off when the file was closed.</summary>
    public long TruncatedBytes { get; init; }

    public required string PreviousSignature { get; init; }
    public string Signature { get; init; } = "";

    /// <summary>The signed line, newline included; <see cref="Signature"/> is set on the returned copy.</summary>
    public (byte[] Line, TrailDigest Signed) Sign(ReadOnlySpan<byte> key)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("digestVersion", Version);
            json.WriteString("file", File);
            json.WriteNumber("firstSequence", FirstSequence);
            json.WriteNumber("lastSequence", LastSequence);
            json.WriteNumber("records", Records);
            json.WriteNumber("bytes", Bytes);
            json.WriteString("fileSha256", FileSha256);
            json.WriteString("firstPreviousHash", FirstPreviousHash);
            json.WriteString("lastHash", LastHash);
            json.WriteString("firstEventTime", FirstEventTime);
            json.WriteString("lastEventTime", LastEventTime);
            json.WriteString("closedAt", ClosedAt);
            json.WriteNumber("truncatedBytes", TruncatedBytes);
            json.WriteString("previousSignature", PreviousSignature);
            json.WriteEndObject();
        }
        // The writer closed the object; the signature goes inside it.
        var covered = buffer.WrittenSpan[..^1].ToArray();
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, covered));
        var line = new byte[covered.Length + SignatureField.Length + signature.Length + 3];
        covered.CopyTo(line, 0);
        SignatureField.CopyTo(line, covered.Length);
        Encoding.ASCII.GetBytes(signature, line.AsSpan(covered.Length + SignatureField.Length));
        "\"}\n"u8.CopyTo(line.AsSpan(line.Length - 3));
        return (line, this with { Signature = signature });
    }

    /// <summary>Reads a digest line; null when it is not one.</summary>
    public static TrailDigest? Parse(ReadOnlySpan<byte> line)
    {
        try
        {
            using var document = JsonDocument.Parse(line.ToArray());
            var root = document.RootElement;
            return new TrailDigest
            {
                File = root.GetProperty("file").GetString()!,
                FirstSequence = root.GetProperty("firstSequence").GetInt64(),
                LastSequence = root.GetProperty("lastSequence").GetInt64(),
                Records = root.GetProperty("records").GetInt64(),
                Bytes = root.GetProperty("bytes").GetInt64(),
                FileSha256 = root.GetProperty("fileSha256").GetString()!,
                FirstPreviousHash = root.GetProperty("firstPreviousHash").GetString()!,
                LastHash = root.GetProperty("lastHash").GetString()!,
                FirstEventTime = root.GetProperty("firstEventTime").GetString(),
                LastEventTime = root.GetProperty("lastEventTime").GetString(),
                ClosedAt = root.GetProperty("closedAt").GetString()!,
                TruncatedBytes = root.GetProperty("truncatedBytes").GetInt64(),
                PreviousSignature = root.GetProperty("previousSignature").GetString()!,
                Signature = root.GetProperty("signature").GetString()!,
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Whether a digest line's signature is the HMAC of what it covers under <paramref name="key"/>.</summary>
    public static bool SignatureMatches(ReadOnlySpan<byte> line, ReadOnlySpan<byte> key)
    {
        var at = line.LastIndexOf(SignatureField);
        if (at < 0 || line.Length != at + SignatureField.Length + 64 + 2 || !line.EndsWith("\"}"u8))
        {
            return false;
        }
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(key, line[..at]));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), line.Slice(at + SignatureField.Length, 64));
    }

    /// <summary>The HMAC key of digests, derived from the root key for this one purpose.</summary>
    public static byte[] DeriveKey(Trent.Core.Crypto.RootKey rootKey)
    {
        var key = new byte[32];
        rootKey.DeriveKey("trent/audit-digest/v1"u8, key);
        return key;
    }
}
