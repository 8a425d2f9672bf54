using Trent.Core;
using Trent.Core.Crypto;
using Trent.Core.Identity;
using Trent.Storage.Sqlite;

namespace Trent.Server.Hosting;

/// <summary>An opened data directory: the store, the root key, and the credentials created on first start (if this was it).</summary>
public sealed class DataDirectory : IAsyncDisposable
{
    private const string RootKeyCheckName = "root_key_check";

    private DataDirectory(SqliteStore store, RootKey rootKey, RootCredentials? created)
    {
        Store = store;
        RootKey = rootKey;
        CreatedCredentials = created;
    }

    public SqliteStore Store { get; }
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
        var store = await SqliteStore.OpenAsync(options.DatabasePath, ct);
        try
        {
            var check = await store.Meta.GetOrSetAsync(RootKeyCheckName, rootKey.CheckValue, ct);
            if (check != rootKey.CheckValue)
            {
                throw new StartupException(
                    $"The root key from {RootKeySource(options)} does not match the one this data was sealed with " +
                    $"(check value {rootKey.CheckValue}, expected {check}). Start Trent with the root key of this data directory.");
            }
            RootCredentials? created = null;
            if ((await store.Identity.ListAccountsAsync(ct)).Count == 0)
            {
                var account = await new AccountProvisioning(store.Identity, rootKey, random).CreateAccountAsync(options.AccountId, clock.UtcNowMillis(), ct);
                created = new RootCredentials(account.Account.AccountId, account.AccessKeyId, account.SecretAccessKey);
                if (!File.Exists(options.RootCredentialsPath))
                {
                    SecureFile.WriteNew(options.RootCredentialsPath, created.ToCredentialsFile());
                }
            }
            return new DataDirectory(store, rootKey, created);
        }
        catch
        {
            store.Dispose();
            rootKey.Dispose();
            throw;
        }
    }

    private static string RootKeySource(TrentOptions options) =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(RootKeyFile.EnvironmentVariable))
            ? options.RootKeyPath
            : $"the {RootKeyFile.EnvironmentVariable} environment variable";

    public ValueTask DisposeAsync()
    {
        Store.Dispose();
        RootKey.Dispose();
        return ValueTask.CompletedTask;
    }
}
