using Trent.Core.Storage;

namespace Trent.Storage.Sqlite;

/// <summary>The embedded storage backend: one SQLite database file serving the key, grant, identity, IAM, key usage and meta ports.</summary>
public sealed class SqliteStore : ITrentStore, IDisposable
{
    private readonly SqliteDatabase database;

    private SqliteStore(SqliteDatabase database)
    {
        this.database = database;
        Keys = new SqliteKeyStore(database);
        Grants = new SqliteGrantStore(database);
        Identity = new SqliteIdentityStore(database);
        Iam = new SqliteIamStore(database);
        Meta = new SqliteMetaStore(database);
        KeyUsage = new SqliteKeyUsageStore(database);
        Archive = new SqliteArchive(database);
    }

    /// <summary>The absolute path of the database file.</summary>
    public string Path => database.Path;

    public SqliteKeyStore Keys { get; }

    public SqliteGrantStore Grants { get; }

    public SqliteIdentityStore Identity { get; }

    public SqliteIamStore Iam { get; }

    public SqliteMetaStore Meta { get; }

    public SqliteKeyUsageStore KeyUsage { get; }

    /// <summary>Every row out and in, for <c>trent backup</c> and <c>trent restore</c>.</summary>
    public SqliteArchive Archive { get; }

    public string Description => $"SQLite database {Path}";

    IKeyStore ITrentStore.Keys => Keys;

    IGrantStore ITrentStore.Grants => Grants;

    IIdentityStore ITrentStore.Identity => Identity;

    IIamStore ITrentStore.Iam => Iam;

    IMetaStore ITrentStore.Meta => Meta;

    IKeyUsageStore ITrentStore.KeyUsage => KeyUsage;

    // One process serves a SQLite file: it holds every lease, and its writers invalidate its caches themselves.
    ILeaseStore ITrentStore.Leases => SingleNodeLeases.Instance;

    IChangeFeed ITrentStore.Changes => SingleNodeChangeFeed.Instance;

    IStoreArchive ITrentStore.Archive => Archive;

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

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
