using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Trent.Server.Audit;

namespace Trent.Server.Tests.Audit;

/// <summary>The chained line format: checkable by anyone with a SHA-256 tool, and still a CloudTrail record to a parser.</summary>
public sealed class TrailRecordTests
{
    private const string Event = """{"eventVersion":"1.11","eventName":"Encrypt","requestParameters":{"keyId":"k"}}""";

    [Fact]
    public void A_line_is_the_event_plus_its_chain_and_its_hash_is_the_SHA256_of_the_bytes_before_the_hash()
    {
        var previous = Encoding.ASCII.GetBytes(new string('a', 64));
        var line = Write(Event, 42, previous, out var hash);

        Assert.EndsWith("\n", line, StringComparison.Ordinal);
        var text = line.TrimEnd('\n');
        var covered = text[..text.IndexOf(",\"trentHash\"", StringComparison.Ordinal)];
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(covered))), hash);
        Assert.Equal($"{Event[..^1]},\"trentSequence\":42,\"trentPreviousHash\":\"{new string('a', 64)}\"", covered);
        using var parsed = JsonDocument.Parse(text);
        Assert.Equal("Encrypt", parsed.RootElement.GetProperty("eventName").GetString());
        Assert.Equal(hash, parsed.RootElement.GetProperty("trentHash").GetString());
    }

    [Fact]
    public void A_written_line_reads_back_and_any_changed_byte_breaks_its_hash()
    {
        var line = Encoding.UTF8.GetBytes(Write(Event, 7, Encoding.ASCII.GetBytes(TrailRecord.GenesisHash), out var hash).TrimEnd('\n'));

        Assert.True(TrailRecord.TryRead(line, out var chain));
        Assert.Equal((7L, TrailRecord.GenesisHash, hash), (chain.Sequence, chain.PreviousHash, chain.Hash));
        Assert.True(TrailRecord.HashMatches(line, chain));
        for (var i = 0; i < chain.CoveredLength; i += 9)
        {
            var altered = line.ToArray();
            altered[i] ^= 1;
            Assert.False(TrailRecord.TryRead(altered, out var read) && TrailRecord.HashMatches(altered, read), $"byte {i} changed unnoticed");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"eventName\":\"Encrypt\"}")]
    [InlineData("{\"a\":1,\"trentSequence\":x,\"trentPreviousHash\":\"0000000000000000000000000000000000000000000000000000000000000000\",\"trentHash\":\"0000000000000000000000000000000000000000000000000000000000000000\"}")]
    public void A_line_that_is_not_a_record_does_not_read(string line)
    {
        Assert.False(TrailRecord.TryRead(Encoding.UTF8.GetBytes(line), out _));
    }

    private static string Write(string json, long sequence, byte[] previous, out string hash)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var hashBytes = new byte[TrailRecord.HashHexLength];
        TrailRecord.Write(Encoding.UTF8.GetBytes(json), sequence, previous, buffer, hashBytes);
        hash = Encoding.ASCII.GetString(hashBytes);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
