namespace Trent.Server.Backup;

/// <summary>
/// A Trent backup: gzip-compressed UTF-8 JSON lines. The first line is the <see cref="ArchiveHeader"/>, then one line per
/// record in export order, then the <see cref="ArchiveTrailer"/> with the record count and the SHA-256 of every byte
/// before it. Sealed material stays sealed; the root key is not in the archive.
/// </summary>
internal static class ArchiveFormat
{
    public const string Name = "trent-backup";

    public const int Version = 1;

    /// <summary>The meta value that identifies the root key the archive's secrets are sealed under.</summary>
    public const string RootKeyCheckName = "root_key_check";
}

/// <param name="Source">What was backed up (<see cref="Trent.Core.Storage.ITrentStore.Description"/>), for the operator.</param>
internal sealed record ArchiveHeader(string Format, int Version, DateTimeOffset CreatedAt, string Source, long Records);

internal sealed record ArchiveTrailer(string Type, long Records, string Sha256);
