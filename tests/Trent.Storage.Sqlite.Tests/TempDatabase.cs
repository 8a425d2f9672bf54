using Trent.Storage.Contract;

namespace Trent.Storage.Sqlite.Tests;

/// <summary>A database file in a fresh temporary directory, removed with the directory on dispose.</summary>
internal sealed class TempDatabase : IAsyncDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("trent-sqlite-");

    private SqliteStore? store;

    public string Path => System.IO.Path.Combine(directory.FullName, "trent.db");

    /// <summary>The store opened by <see cref="OpenAsync"/>, disposed with this object.</summary>
    public SqliteStore Store => store ?? throw new InvalidOperationException("The store is not open.");

    public static async ValueTask<StoresUnderTest> CreateStoresAsync()
    {
        var database = new TempDatabase();
        var store = await database.OpenAsync();
        return new StoresUnderTest(store, database);
    }

    /// <summary>Opens (or reopens, after closing the previous one) the store on this file.</summary>
    public async ValueTask<SqliteStore> OpenAsync()
    {
        store?.Dispose();
        store = await SqliteStore.OpenAsync(Path);
        return store;
    }

    /// <summary>Closes the store, which lets SQLite checkpoint the WAL into the file and remove it.</summary>
    public void Close()
    {
        store?.Dispose();
        store = null;
    }

    public ValueTask DisposeAsync()
    {
        Close();
        directory.Delete(recursive: true);
        return default;
    }
}
