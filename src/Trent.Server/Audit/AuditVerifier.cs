using System.Globalization;
using System.Security.Cryptography;

namespace Trent.Server.Audit;

/// <summary>The outcome of <c>trent audit verify</c>: intact, or the first place where the trail was tampered with.</summary>
public sealed record TrailVerification(bool Intact, string Message);

/// <summary>
/// Checks an audit directory: the digests' signatures and their chain, that every digested file is present and matches
/// its digest, and every record's hash and its link to the record before it. Names the first record, file or digest
/// that was altered, removed or reordered. What it cannot see: records cut from the end of the file still being written
/// (no digest covers them yet), and, without the root key, a trail rewritten in full with recomputed hashes.
/// </summary>
public static class AuditVerifier
{
    public static TrailVerification Verify(string directory, byte[]? digestKey, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        if (!Directory.Exists(directory))
        {
            return new(false, $"{directory} does not exist.");
        }
        var (digests, digestProblem) = ReadDigests(directory, digestKey);
        if (digestProblem is not null)
        {
            return new(false, digestProblem);
        }
        var files = TrailFiles.List(directory);
        var byName = files.ToDictionary(path => Path.GetFileName(path), StringComparer.Ordinal);
        foreach (var digest in digests)
        {
            if (!byName.ContainsKey(digest.File))
            {
                return new(false, $"Trail file {digest.File} (records {digest.FirstSequence} to {digest.LastSequence}) was removed.");
            }
        }
        var digestOf = digests.ToDictionary(d => d.File, StringComparer.Ordinal);
        // Nothing is ever pruned from a trail: it starts at record 1, chained to the genesis hash.
        var chain = new ChainPosition(1, TrailRecord.GenesisHash);
        long records = 0;
        var checkedFiles = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var name = Path.GetFileName(files[i]);
            var digest = digestOf.GetValueOrDefault(name);
            if (digest is null && i != files.Count - 1)
            {
                return new(false, $"Trail file {name} has no digest although later files exist: its digest was removed.");
            }
            if (digest is not null && OutsideWindow(digest, from, to))
            {
                // Skipped, but the chain goes on from where its signed digest says it ends.
                chain = new ChainPosition(digest.LastSequence + 1, digest.LastHash);
                continue;
            }
            var problem = VerifyFile(files[i], digest, ref chain, ref records);
            if (problem is not null)
            {
                return new(false, problem);
            }
            checkedFiles++;
        }
        var signatures = digestKey is null ? "digest signatures NOT checked (no root key)" : "digest signatures valid";
        return new(true, $"Trail intact: {records} records in {checkedFiles} files checked, {digests.Count} digests, {signatures}.");
    }

    private static (List<TrailDigest> Digests, string? Problem) ReadDigests(string directory, byte[]? key)
    {
        var path = Path.Combine(directory, TrailFiles.DigestsFileName);
        var digests = new List<TrailDigest>();
        if (!File.Exists(path))
        {
            return (digests, null);
        }
        var lines = Lines(File.ReadAllBytes(path));
        var previous = TrailDigest.GenesisSignature;
        for (var n = 0; n < lines.Count; n++)
        {
            var line = lines[n].Span;
            var place = $"{TrailFiles.DigestsFileName} line {n + 1}";
            if (TrailDigest.Parse(line) is not { } digest)
            {
                return (digests, $"{place} is not a digest: it was altered.");
            }
            if (key is not null && !TrailDigest.SignatureMatches(line, key))
            {
                return (digests, $"{place} (digest of {digest.File}) was altered: its signature does not match.");
            }
            if (digest.PreviousSignature != previous)
            {
                return (digests, $"{place} (digest of {digest.File}) does not follow the digest before it: a digest was removed or reordered.");
            }
            previous = digest.Signature;
            digests.Add(digest);
        }
        return (digests, null);
    }

    private static string? VerifyFile(string path, TrailDigest? digest, ref ChainPosition chain, ref long records)
    {
        var name = Path.GetFileName(path);
        var bytes = File.ReadAllBytes(path);
        var lines = Lines(bytes);
        for (var n = 0; n < lines.Count; n++)
        {
            var line = lines[n].Span;
            var place = $"{name} line {n + 1}";
            if (!TrailRecord.TryRead(line, out var record))
            {
                return $"{place} is not a trail record: it was altered.";
            }
            if (!TrailRecord.HashMatches(line, record))
            {
                return $"{place} (record {record.Sequence}) was altered: its hash does not match its contents.";
            }
            if (record.Sequence != chain.NextSequence)
            {
                return Misplaced(name, lines, n, chain.NextSequence, record.Sequence);
            }
            if (record.PreviousHash != chain.LastHash)
            {
                return n == 0
                    ? $"{place} (record {record.Sequence}) does not continue the chain of the file before it: that file's last record was altered."
                    : $"{name} line {n} (record {record.Sequence - 1}) was altered and its hash recomputed: line {n + 1} does not chain to it.";
            }
            chain = new ChainPosition(record.Sequence + 1, record.Hash);
            records++;
        }
        if (digest is not null)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (hash != digest.FileSha256 || lines.Count != digest.Records)
            {
                return lines.Count < digest.Records
                    ? $"Trail file {name} holds {lines.Count} of the {digest.Records} records its digest lists: records {digest.FirstSequence + lines.Count} to {digest.LastSequence} were removed from its end."
                    : $"Trail file {name} does not match its digest: its records were altered and their hashes recomputed.";
            }
        }
        return null;
    }

    /// <summary>A record out of sequence: a later one moved ahead of it (reordered), or the ones between removed.</summary>
    private static string Misplaced(string name, List<ReadOnlyMemory<byte>> lines, int n, long expected, long found)
    {
        for (var later = n + 1; later < lines.Count; later++)
        {
            if (TrailRecord.TryRead(lines[later].Span, out var record) && record.Sequence == expected)
            {
                return $"{name} line {n + 1} holds record {found} where record {expected} belongs (now at line {later + 1}): records were reordered.";
            }
        }
        return found > expected
            ? $"{name} line {n + 1}: records {expected} to {found - 1} were removed before it (it holds record {found})."
            : $"{name} line {n + 1} holds record {found} where record {expected} belongs: records were reordered or duplicated.";
    }

    private static bool OutsideWindow(TrailDigest digest, DateTimeOffset? from, DateTimeOffset? to) =>
        (from is { } f && Time(digest.LastEventTime) is { } last && last < f)
        || (to is { } t && Time(digest.FirstEventTime) is { } first && first > t);

    private static DateTimeOffset? Time(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    /// <summary>Complete lines; a last line without its newline is one still being written, and not yet part of the trail.</summary>
    internal static List<ReadOnlyMemory<byte>> Lines(byte[] bytes)
    {
        var lines = new List<ReadOnlyMemory<byte>>();
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0)
            {
                break;
            }
            lines.Add(bytes.AsMemory(start, end - start));
            start = end + 1;
        }
        return lines;
    }

    private readonly record struct ChainPosition(long NextSequence, string LastHash);
}
