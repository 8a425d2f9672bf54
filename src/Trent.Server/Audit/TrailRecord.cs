using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Trent.Server.Audit;

/// <summary>
/// One line of a trail file: the CloudTrail event with three fields appended, in this order and nothing after them:
/// <c>..., "trentSequence": N, "trentPreviousHash": "&lt;hex&gt;", "trentHash": "&lt;hex&gt;"}</c>. The hash is SHA-256 over
/// the line's bytes up to (not including) <c>,"trentHash"</c>, which include the previous record's hash: the records form
/// a chain, and changing, removing or reordering any of them breaks it where it happened. The bytes as written are the
/// canonical form, so anyone can check a record with a SHA-256 tool and no JSON canonicalization.
/// </summary>
public static class TrailRecord
{
    public const int HashHexLength = 64;

    /// <summary>The previous hash of the very first record of a trail.</summary>
    public static readonly string GenesisHash = new('0', HashHexLength);

    private static readonly byte[] SequenceField = ",\"trentSequence\":"u8.ToArray();
    private static readonly byte[] PreviousField = ",\"trentPreviousHash\":\""u8.ToArray();
    private static readonly byte[] HashField = ",\"trentHash\":\""u8.ToArray();

    /// <summary>The fixed tail of every line: <c>,"trentHash":"</c>, the hash, <c>"}</c>.</summary>
    private static readonly int TailLength = HashField.Length + HashHexLength + 2;

    /// <summary>
    /// Appends the line for <paramref name="eventJson"/> (a JSON object) to <paramref name="output"/>, chained to
    /// <paramref name="previousHash"/>; writes its own hash (lowercase hex, ASCII) to <paramref name="hash"/>.
    /// </summary>
    public static void Write(ReadOnlySpan<byte> eventJson, long sequence, ReadOnlySpan<byte> previousHash, ArrayBufferWriter<byte> output, Span<byte> hash)
    {
        var start = output.WrittenCount;
        // The event without its closing brace, then the chain fields.
        output.Write(eventJson[..eventJson.LastIndexOf((byte)'}')]);
        output.Write(SequenceField);
        var digits = output.GetSpan(20);
        Utf8Formatter.TryFormat(sequence, digits, out var written);
        output.Advance(written);
        output.Write(PreviousField);
        output.Write(previousHash);
        output.Write("\""u8);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(output.WrittenSpan[start..], digest);
        Convert.TryToHexStringLower(digest, hash, out _);
        output.Write(HashField);
        output.Write(hash);
        output.Write("\"}\n"u8);
    }

    /// <summary>A line's chain fields and the bytes its hash covers; false when the line is not shaped as a record.</summary>
    public static bool TryRead(ReadOnlySpan<byte> line, out Chain chain)
    {
        chain = default;
        if (line.Length < TailLength + PreviousField.Length + HashHexLength + 1 + SequenceField.Length + 1
            || !line.EndsWith("\"}"u8) || !line[..^(HashHexLength + 2)].EndsWith(HashField))
        {
            return false;
        }
        var covered = line[..^TailLength];
        // covered ends with: ,"trentSequence":N,"trentPreviousHash":"<hex>"
        if (!covered.EndsWith("\""u8) || !covered[..^(HashHexLength + 1)].EndsWith(PreviousField))
        {
            return false;
        }
        var beforePrevious = covered[..^(HashHexLength + 1 + PreviousField.Length)];
        var sequenceAt = beforePrevious.LastIndexOf(SequenceField);
        if (sequenceAt < 0 || !Utf8Parser.TryParse(beforePrevious[(sequenceAt + SequenceField.Length)..], out long sequence, out var consumed)
            || consumed != beforePrevious.Length - sequenceAt - SequenceField.Length)
        {
            return false;
        }
        chain = new Chain(
            sequence,
            Encoding.ASCII.GetString(covered[^(HashHexLength + 1)..^1]),
            Encoding.ASCII.GetString(line[^(HashHexLength + 2)..^2]),
            line.Length - TailLength);
        return true;
    }

    /// <summary>Whether a line's stored hash is the SHA-256 of the bytes it covers.</summary>
    public static bool HashMatches(ReadOnlySpan<byte> line, in Chain chain)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(line[..chain.CoveredLength], digest);
        Span<byte> hex = stackalloc byte[HashHexLength];
        Convert.TryToHexStringLower(digest, hex, out _);
        return hex.SequenceEqual(Encoding.ASCII.GetBytes(chain.Hash));
    }

    /// <param name="CoveredLength">How many bytes at the start of the line the hash covers.</param>
    public readonly record struct Chain(long Sequence, string PreviousHash, string Hash, int CoveredLength);
}
