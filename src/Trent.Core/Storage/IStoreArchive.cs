namespace Trent.Core.Storage;

/// <summary>Every row of a store, out and in, for backups and moves between backends.</summary>
public interface IStoreArchive
{
    /// <summary>Opens one consistent snapshot of every row; disposing the export ends the snapshot.</summary>
    ValueTask<StoreExport> ExportAsync(CancellationToken ct = default);

    /// <summary>
    /// Loads <paramref name="records"/>, in export order, into this store in one transaction. Refuses (and changes
    /// nothing) unless the store holds no accounts, keys or meta values.
    /// </summary>
    ValueTask ImportAsync(IAsyncEnumerable<ArchiveRecord> records, CancellationToken ct = default);
}

/// <summary>An open snapshot: how many records it holds, and the records, which may be read once.</summary>
public sealed class StoreExport(long count, IAsyncEnumerable<ArchiveRecord> records, IAsyncDisposable snapshot) : IAsyncDisposable
{
    public long Count { get; } = count;

    public IAsyncEnumerable<ArchiveRecord> Records { get; } = records;

    public ValueTask DisposeAsync() => snapshot.DisposeAsync();
}

/// <summary>Thrown by an import into a store that already holds data.</summary>
public sealed class StoreNotEmptyException(string message) : Exception(message);
