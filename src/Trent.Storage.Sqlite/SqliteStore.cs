namespace Trent.Storage.Sqlite;

/// <summary>The embedded storage backend: one SQLite database file serving the key, identity and meta ports.</summary>
public sealed class SqliteStore : IDisposable
{
    private readonly SqliteDatabase database;

    private SqliteStore(SqliteDatabase database)
    {
        this.database = database;
        Keys = new SqliteKeyStore(database);
        Identity = new SqliteIdentityStore(database);
        Meta = new SqliteMetaStore(database);
    }

    /// <summary>The absolute path of the database file.</summary>
    public string Path => database.Path;

    public SqliteKeyStore Keys { get; }

    public SqliteIdentityStore Identity { get; }

    public SqliteMetaStore Meta { get; }

    /// <summary>
    /// Opens the database at <paramref name="path"/>, creating it (mode 0600 on Unix) if absent, and applies pending
    /// schema migrations. The containing directory must exist.
    /// </summary>
    public static ValueTask<SqliteStore> OpenAsync(string path, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ct.ThrowIfCancellationRequested();
        return ValueTask.FromResult(new SqliteStore(SqliteDatabase.Open(path)));
    }

    /// <summary>Closes the pooled connections; the ports must not be used afterwards.</summary>
    public void Dispose() => database.Dispose();
}
