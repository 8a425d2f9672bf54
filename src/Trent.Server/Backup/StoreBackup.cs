using Trent.Core.Crypto;
using Trent.Core.Storage;
using Trent.Server.Hosting;

namespace Trent.Server.Backup;

/// <summary><c>trent backup</c> and <c>trent restore</c>: a store's rows to an archive and back, into either backend.</summary>
internal static class StoreBackup
{
    /// <summary>Writes one consistent snapshot of <paramref name="store"/> to <paramref name="path"/>; returns the record count.</summary>
    public static async Task<long> BackupAsync(ITrentStore store, string path, Func<long, ProgressBar> progress, TimeProvider clock, CancellationToken ct)
    {
        await using var export = await store.Archive.ExportAsync(ct);
        await using var writer = await ArchiveWriter.CreateAsync(
            path, new ArchiveHeader(ArchiveFormat.Name, ArchiveFormat.Version, clock.GetUtcNow(), store.Description, export.Count), ct);
        var bar = progress(export.Count);
        await foreach (var record in export.Records.WithCancellation(ct))
        {
            await writer.WriteAsync(record, ct);
            bar.Advance();
        }
        await writer.CompleteAsync(ct);
        bar.Finish();
        return bar.Done;
    }

    /// <summary>
    /// Verifies the archive whole, checks that <paramref name="rootKey"/> is the one its secrets are sealed under, then
    /// loads it into <paramref name="store"/>, which must be empty, in one transaction.
    /// </summary>
    public static async Task<long> RestoreAsync(
        string path, ITrentStore store, RootKey rootKey, Func<long, ProgressBar> progress, CancellationToken ct)
    {
        var summary = await ArchiveReader.VerifyAsync(path, ct);
        if (summary.RootKeyCheck is { } check && check != rootKey.CheckValue)
        {
            throw new StartupException(
                $"The root key given (check value {rootKey.CheckValue}) is not the one this backup's secrets are sealed under " +
                $"(check value {check}); restore with the root key of {summary.Header.Source}.");
        }
        var bar = progress(summary.Header.Records);
        await store.Archive.ImportAsync(Counted(ArchiveReader.RecordsAsync(path, ct), bar), ct);
        bar.Finish();
        return bar.Done;
    }

    private static async IAsyncEnumerable<ArchiveRecord> Counted(IAsyncEnumerable<ArchiveRecord> records, ProgressBar bar)
    {
        await foreach (var record in records)
        {
            yield return record;
            bar.Advance();
        }
    }
}
