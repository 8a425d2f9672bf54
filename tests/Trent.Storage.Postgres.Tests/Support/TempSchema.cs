using Npgsql;
using Trent.Storage.Contract;
using Trent.Testing.Postgres;

namespace Trent.Storage.Postgres.Tests.Support;

/// <summary>
/// A fresh schema in the run's test database, for one test: cheaper than a database per test, and as isolated, since
/// every Trent table, channel and migration lock lives in its schema. Dropped with everything in it on dispose.
/// </summary>
internal sealed class TempSchema : IAsyncDisposable
{
    private static readonly SemaphoreSlim DatabaseLock = new(1, 1);
    private static string? database;

    private readonly List<PostgresStore> _stores = [];

    private TempSchema(string admin, string name)
    {
        Admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { SearchPath = name }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>A connection string whose search path is this schema.</summary>
    public string ConnectionString { get; }

    private string Admin { get; }

    public static async Task<TempSchema> CreateAsync()
    {
        var admin = await TestDatabaseAsync();
        var schema = new TempSchema(admin, "t_" + Guid.NewGuid().ToString("N")[..16]);
        await schema.ExecuteAsync($"CREATE SCHEMA {schema.Name};");
        return schema;
    }

    /// <summary>A fresh, empty backend in a fresh schema, for the contract suites.</summary>
    public static async ValueTask<StoresUnderTest> CreateStoresAsync()
    {
        var schema = await CreateAsync();
        return new StoresUnderTest(await schema.OpenAsync(), schema);
    }

    /// <summary>Opens a store (a node) on this schema; closed on dispose.</summary>
    public async Task<PostgresStore> OpenAsync()
    {
        var store = await PostgresStore.OpenAsync(ConnectionString);
        lock (_stores)
        {
            _stores.Add(store);
        }
        return store;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
        await ExecuteAsync($"DROP SCHEMA {Name} CASCADE;");
    }

    private static async Task<string> TestDatabaseAsync()
    {
        await DatabaseLock.WaitAsync();
        try
        {
            return database ??= await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("trent_storage");
        }
        finally
        {
            DatabaseLock.Release();
        }
    }
}
