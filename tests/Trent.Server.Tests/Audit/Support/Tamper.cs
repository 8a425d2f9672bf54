using System.Buffers;
using System.Text;
using Trent.Server.Audit;

namespace Trent.Server.Tests.Audit.Support;

/// <summary>What someone with write access to the audit directory, but not the root key, can do to the trail.</summary>
public static class Tamper
{
    public static List<string> Lines(string path) => [.. File.ReadAllLines(path)];

    public static void Write(string path, IEnumerable<string> lines) => File.WriteAllText(path, string.Concat(lines.Select(l => l + "\n")));

    public static void EditLine(string path, int lineNumber, Func<string, string> edit)
    {
        var lines = Lines(path);
        var edited = edit(lines[lineNumber - 1]);
        Assert.NotEqual(lines[lineNumber - 1], edited);
        lines[lineNumber - 1] = edited;
        Write(path, lines);
    }

    public static void DeleteLine(string path, int lineNumber)
    {
        var lines = Lines(path);
        lines.RemoveAt(lineNumber - 1);
        Write(path, lines);
    }

    public static void SwapLines(string path, int first, int second)
    {
        var lines = Lines(path);
        (lines[first - 1], lines[second - 1]) = (lines[second - 1], lines[first - 1]);
        Write(path, lines);
    }

    /// <summary>
    /// Edits a record and recomputes its hash and the chain of every later record of the file, as a forger would: the
    /// records then check out one by one, and only the signed digest can tell.
    /// </summary>
    public static void EditAndRechain(string path, int lineNumber, Func<string, string> edit)
    {
        var lines = Lines(path);
        lines[lineNumber - 1] = edit(lines[lineNumber - 1]);
        Assert.True(TrailRecord.TryRead(Encoding.UTF8.GetBytes(lines[lineNumber - 2]), out var before));
        var previous = Encoding.ASCII.GetBytes(before.Hash);
        for (var i = lineNumber - 1; i < lines.Count; i++)
        {
            var line = lines[i];
            var sequenceAt = line.LastIndexOf(",\"trentSequence\":", StringComparison.Ordinal);
            Assert.True(TrailRecord.TryRead(Encoding.UTF8.GetBytes(line), out var chain));
            var buffer = new ArrayBufferWriter<byte>();
            var hash = new byte[TrailRecord.HashHexLength];
            TrailRecord.Write(Encoding.UTF8.GetBytes(line[..sequenceAt] + "}"), chain.Sequence, previous, buffer, hash);
            lines[i] = Encoding.UTF8.GetString(buffer.WrittenSpan).TrimEnd('\n');
            previous = hash;
        }
        Write(path, lines);
    }
}
