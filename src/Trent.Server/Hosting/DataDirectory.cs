using Trent.Core;
using Trent.Core.Crypto;
using Trent.Core.Identity;
using Trent.Core.Storage;
using Trent.Storage.Postgres;

namespace Trent.Server.Hosting;

/// <summary>An opened data directory: the store, the root key, and the credentials created on first start (if this was it).</summary>
public sealed class DataDirectory : IAsyncDisposable
{
    private const string RootKeyCheckName = "root_key_check";

    private DataDirectory(ITrentStore store, RootKey rootKey, RootCredentials? created)
    {
        Store = store;
        RootKey = rootKey;
        CreatedCredentials = created;
    }

    /// <summary>The data directory's SQLite file, or the PostgreSQL database the options name.</summary>
    public ITrentStore Store { get; }
    public RootKey RootKey { get; }

    /// <summary>Set only on the first start, when the account and its root credentials were just created.</summary>
    public RootCredentials? CreatedCredentials { get; }

    /// <summary>
    /// Opens the data directory, initializing it on first use: directory (0700), root key file (0600), database,
    /// the account with its root access key, and <c>root-credentials</c> (0600). A root key that does not match the
    /// one the database was sealed with stops the start with a clear error instead of failing every request.
    /// </summary>
    public static async Task<DataDirectory> OpenAsync(TrentOptions options, IRandomSource random, TimeProvider clock, CancellationToken ct = default)
    {
        SecureFile.CreateDirectory(options.DataDir);
        var rootKey = RootKeyFile.LoadOrCreate(options.RootKeyPath, random, out _);
        ITrentStore store;
        try
        {
            store = await StoreFactory.OpenAsync(options, ct);
        }
        catch
        {
            rootKey.Dispose();
            throw;
        }
        try
        {
            await CheckRootKeyAsync(store, rootKey, options, ct);
            RootCredentials? created = null;
            if ((await store.Identity.ListAccountsAsync(ct)).Count == 0)
            {
                created = await CreateFirstAccountAsync(store, rootKey, options, random, clock, ct);
                if (created is not null && !File.Exists(options.RootCredentialsPath))
                {
                    SecureFile.WriteNew(options.RootCredentialsPath, created.ToCredentialsFile());
                }
            }
            return new DataDirectory(store, rootKey, created);
        }
        catch
        {
            await store.DisposeAsync();
            rootKey.Dispose();
            throw;
        }
    }

    // Nodes started at once on a new shared database race to create the first account: one wins, the others serve it.
    private static async Task<RootCredentials?> CreateFirstAccountAsync(
        ITrentStore store, RootKey rootKey, TrentOptions options, IRandomSource random, TimeProvider clock, CancellationToken ct)
    {
        try
        {
            var account = await new AccountProvisioning(store.Identity, rootKey, random).CreateAccountAsync(options.AccountId, clock.UtcNowMillis(), ct);
            return new RootCredentials(account.Account.AccountId, account.AccessKeyId, account.SecretAccessKey);
        }
        catch (Exception) when (store is PostgresStore)
        {
            if ((await store.Identity.ListAccountsAsync(ct)).Count > 0)
            {
                return null;
            }
            throw;
        }
    }

    /// <summary>
    /// Starts listening for other nodes' changes (PostgreSQL), once the caches are subscribed; logs through
    /// <paramref name="loggers"/>. Returns when the caches may be trusted.
    /// </summary>
    public async Task StartChangeFeedAsync(ILoggerFactory loggers, CancellationToken ct = default)
    {
        if (Store is PostgresStore postgres)
        {
            postgres.LogTo(loggers.CreateLogger("Trent.Storage.Postgres"));
        }
        try
        {
            await Store.Changes.StartAsync(ct);
        }
        catch (KmsException e) when (StoreUnavailable.Is(e))
        {
            throw new StartupException($"{Store.Description} could not be listened on: {e.Detail}");
        }
    }

    /// <summary>
    /// Opens a data directory that <c>trent serve</c> initialized, for an admin command: nothing is created, and the
    /// root key must be the one the data was sealed with. SQLite's write-ahead log lets this run beside a server.
    /// </summary>
    public static async Task<DataDirectory> OpenExistingAsync(TrentOptions options, IRandomSource random, CancellationToken ct = default)
    {
        var hasKey = File.Exists(options.RootKeyPath) || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(RootKeyFile.EnvironmentVariable));
        if ((options.Storage == StorageKind.Sqlite && !File.Exists(options.DatabasePath)) || !hasKey)
        {
            throw new StartupException($"{Path.GetFullPath(options.DataDir)} is not an initialized Trent data directory; start `trent serve` on it first.");
        }
        var rootKey = RootKeyFile.LoadOrCreate(options.RootKeyPath, random, out _);
        ITrentStore store;
        try
        {
            store = await StoreFactory.OpenAsync(options, ct);
        }
        catch
        {
            rootKey.Dispose();
            throw;
        }
        try
        {
            await CheckRootKeyAsync(store, rootKey, options, ct);
            return new DataDirectory(store, rootKey, null);
        }
        catch
        {
            await store.DisposeAsync();
            rootKey.Dispose();
            throw;
        }
    }

    private static async Task CheckRootKeyAsync(ITrentStore store, RootKey rootKey, TrentOptions options, CancellationToken ct)
    {
        var check = await store.Meta.GetOrSetAsync(RootKeyCheckName, rootKey.CheckValue, ct);
        if (check != rootKey.CheckValue)
        {
            throw new StartupException(
                $"The root key from {RootKeySource(options)} does not match the one the {store.Description} was sealed with " +
                $"(check value {rootKey.CheckValue}, expected {check}). Start Trent with the root key of this data; every node of " +
                "one PostgreSQL database needs the same one (--root-key-file or TRENT_ROOT_KEY).");
        }
    }

    private static string RootKeySource(TrentOptions options) =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(RootKeyFile.EnvironmentVariable))
            ? options.RootKeyPath
            : $"the {RootKeyFile.EnvironmentVariable} environment variable";

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        RootKey.Dispose();
    }
}
