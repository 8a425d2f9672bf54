using Microsoft.Data.Sqlite;

namespace Trent.Storage.Sqlite;

/// <summary>An open database file: configures every connection and runs each unit of work as exactly one transaction.</summary>
internal sealed class SqliteDatabase : IDisposable
{
    // Pooled connections keep these settings, but a new physical connection starts from SQLite's defaults, so every
    // open sets them. secure_delete overwrites freed pages, so deleted sealed material does not linger in the file.
    // busy_timeout makes a writer wait for the write lock (held for milliseconds) instead of failing with SQLITE_BUSY.
    private const string ConnectionPragmas = """
        PRAGMA foreign_keys = ON;
        PRAGMA synchronous = FULL;
        PRAGMA secure_delete = ON;
        PRAGMA busy_timeout = 30000;
        """;

    private readonly string connectionString;
    private readonly GroupCommit grouped;

    private SqliteDatabase(string path)
    {
        Path = path;
        grouped = new GroupCommit(OpenConnection);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            // The file is created beforehand with owner-only permissions; SQLite must never create it with its own.
            Mode = SqliteOpenMode.ReadWrite,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>Creates the file if needed (mode 0600), switches it to WAL and applies pending migrations.</summary>
    public static SqliteDatabase Open(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        DatabaseFiles.CreateOwnerOnly(fullPath);
        var database = new SqliteDatabase(fullPath);
        try
        {
            using var connection = database.OpenConnection();
            EnableWriteAheadLog(connection);
            Migrator.Apply(connection);
            // The -wal and -shm files exist while a connection is open; SQLite gives later ones the database file's mode.
            DatabaseFiles.RestrictToOwner(fullPath);
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = ConnectionPragmas;
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in a deferred transaction, which reads one consistent snapshot.</summary>
    public ValueTask<T> ReadAsync<T>(Func<SqliteTransaction, T> work, CancellationToken ct) => Run(work, deferred: true, ct);

    /// <summary>
    /// Runs <paramref name="work"/> in a BEGIN IMMEDIATE transaction: it takes the write lock up front, so concurrent writers
    /// queue on the busy timeout rather than fail when a read transaction cannot be upgraded.
    /// </summary>
    public ValueTask<T> WriteAsync<T>(Func<SqliteTransaction, T> work, CancellationToken ct) => Run(work, deferred: false, ct);

    /// <summary>
    /// As <see cref="WriteAsync{T}"/>, but committed together with this process's other concurrent grouped writes, one fsync
    /// for all (<see cref="GroupCommit"/>); the result is published only after the commit. For writes that do not contend
    /// with each other (inserts of new rows): compare-and-swap updates of one row would all lose but one per batch, in step.
    /// </summary>
    public ValueTask WriteGroupedAsync(Action<SqliteTransaction> work, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(ct);
        }
        var result = grouped.WriteAsync(tx =>
        {
            work(tx);
            return true;
        });
        return result.IsCompletedSuccessfully ? default : new ValueTask(result.AsTask());
    }

    public ValueTask WriteAsync(Action<SqliteTransaction> work, CancellationToken ct)
    {
        var result = Run(tx =>
        {
            work(tx);
            return true;
        }, deferred: false, ct);
        return result.IsCompletedSuccessfully ? default : new ValueTask(result.AsTask());
    }

    /// <summary>Closes the pooled connections, which releases the file and lets SQLite checkpoint and remove the WAL.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    // Microsoft.Data.Sqlite completes its async methods synchronously, so the work runs inline and the outcome is
    // wrapped in an already-completed ValueTask; exceptions surface on await, as from a real async method.
    private ValueTask<T> Run<T>(Func<SqliteTransaction, T> work, bool deferred, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<T>(ct);
        }
        try
        {
            using var connection = OpenConnection();
            using var transaction = connection.BeginTransaction(deferred);
            var result = work(transaction);
            transaction.Commit();
            return ValueTask.FromResult(result);
        }
        catch (Exception e)
        {
            return ValueTask.FromException<T>(e);
        }
    }

    private static void EnableWriteAheadLog(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        var mode = command.ExecuteScalar() as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused write-ahead logging for the database (journal mode is '{mode}').");
        }
    }
}
