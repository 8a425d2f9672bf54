using Microsoft.Extensions.Logging;
using Npgsql;
using Trent.Core.Storage;

namespace Trent.Storage.Postgres;

/// <summary>
/// The multi-node storage backend: every port over one PostgreSQL schema (the first on the connection's search path),
/// shared by stateless Trent nodes. Writes notify the other nodes' caches in the same transaction; background work
/// runs under leases.
/// </summary>
public sealed class PostgresStore : ITrentStore
{
    private readonly PostgresDatabase _database;
    private readonly PostgresChangeFeed _feed;
    private int _disposed;

    private PostgresStore(PostgresDatabase database, string description, string listenConnectionString)
    {
        _database = database;
        Description = description;
        Keys = new PostgresKeyStore(database);
        Grants = new PostgresGrantStore(database);
        Identity = new PostgresIdentityStore(database);
        Iam = new PostgresIamStore(database);
        Meta = new PostgresMetaStore(database);
        KeyUsage = new PostgresKeyUsageStore(database);
        Leases = new PostgresLeaseStore(database);
        Archive = new PostgresArchive(database);
        _feed = new PostgresChangeFeed(database, listenConnectionString);
    }

    public string Description { get; }

    /// <summary>The schema this store lives in.</summary>
    public string Schema => _database.Identity.Schema;

    /// <summary>This node's id among the nodes of the schema (its feed connection's application name ends with it).</summary>
    public string NodeId => _database.Identity.NodeId;

    public IKeyStore Keys { get; }

    public IGrantStore Grants { get; }

    public IIdentityStore Identity { get; }

    public IIamStore Iam { get; }

    public IMetaStore Meta { get; }

    public IKeyUsageStore KeyUsage { get; }

    public ILeaseStore Leases { get; }

    public IChangeFeed Changes => _feed;

    public IStoreArchive Archive { get; }

    /// <summary>Where the change feed reports losing and regaining its connection.</summary>
    public void LogTo(ILogger logger) => _feed.LogTo(logger);

    /// <summary>
    /// Connects, and applies pending migrations under an advisory lock. Unless the connection string says otherwise,
    /// connecting gives up after 3 seconds and a statement after 5, so that an unreachable server fails requests in
    /// bounded time instead of hanging them: a server that accepts connections but does not answer costs a statement's
    /// timeout plus twice the connect timeout (Npgsql's attempt to cancel the statement), about 11 seconds, once; the
    /// <see cref="OutageBreaker"/> fails the calls after it at once.
    /// </summary>
    public static async Task<PostgresStore> OpenAsync(string connectionString, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var settings = WithBoundedTimeouts(connectionString);
        var source = NpgsqlDataSource.Create(settings.ConnectionString);
        try
        {
            string schema;
            await using (var connection = await source.OpenConnectionAsync(ct))
            {
                schema = await new NpgsqlCommand("SELECT current_schema();", connection).ScalarAsync<string?>(ct)
                    ?? throw new InvalidOperationException(
                        $"No schema of the search path ('{settings.SearchPath ?? "\"$user\", public"}') exists in database {settings.Database}; create it first.");
                await Migrator.ApplyAsync(connection, ct);
            }
            var description = $"PostgreSQL database {settings.Database} on {settings.Host}:{settings.Port} (schema {schema})";
            var listen = new NpgsqlConnectionStringBuilder(settings.ConnectionString)
            {
                Pooling = false,
                ApplicationName = "trent-feed-starting",
                CommandTimeout = 5,
                TcpKeepAlive = true,
            };
            return new PostgresStore(new PostgresDatabase(source, new PostgresIdentity(schema)), description, listen.ConnectionString);
        }
        catch
        {
            await source.DisposeAsync();
            throw;
        }
    }

    private static NpgsqlConnectionStringBuilder WithBoundedTimeouts(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var defaults = new NpgsqlConnectionStringBuilder();
        if (settings.Timeout == defaults.Timeout)
        {
            settings.Timeout = 3;
        }
        if (settings.CommandTimeout == defaults.CommandTimeout)
        {
            settings.CommandTimeout = 5;
        }
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _feed.DisposeAsync();
        await _database.DisposeAsync();
    }
}
