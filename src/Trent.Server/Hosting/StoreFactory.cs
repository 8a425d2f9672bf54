using Trent.Core.Storage;
using Trent.Storage.Postgres;
using Trent.Storage.Sqlite;

namespace Trent.Server.Hosting;

/// <summary>Opens the storage backend the options choose, applying its pending migrations.</summary>
public static class StoreFactory
{
    public static async Task<ITrentStore> OpenAsync(TrentOptions options, CancellationToken ct = default)
    {
        if (options.Storage == StorageKind.Sqlite)
        {
            return await SqliteStore.OpenAsync(options.DatabasePath, ct);
        }
        if (string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            throw new StartupException("--storage postgres needs a connection string: --postgres \"Host=...;Database=...;Username=...\" (or TRENT_POSTGRES).");
        }
        try
        {
            return await PostgresStore.OpenAsync(options.PostgresConnectionString, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Npgsql's messages name the host and the failure, never the password.
            throw new StartupException($"Could not open the PostgreSQL store: {(e is Core.KmsException { Detail: { } detail } ? detail : e.Message)}");
        }
    }
}
