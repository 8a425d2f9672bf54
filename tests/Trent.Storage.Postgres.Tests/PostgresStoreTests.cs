using Npgsql;
using Trent.Storage.Postgres.Tests.Support;
using static Trent.Storage.Contract.TestData;

namespace Trent.Storage.Postgres.Tests;

/// <summary>What only the PostgreSQL backend promises: its migrations, and how nodes starting at once share them.</summary>
public sealed class PostgresStoreTests
{
    [Fact]
    public async Task Open_applies_every_migration_and_records_it()
    {
        await using var schema = await TempSchema.CreateAsync();

        await schema.OpenAsync();

        Assert.Equal(Migrator.Embedded.LatestVersion, await schema.ScalarAsync<long>("SELECT COUNT(*) FROM schema_version;"));
        Assert.Equal(Migrator.Embedded.LatestVersion, await schema.ScalarAsync<int>("SELECT MAX(version) FROM schema_version;"));
    }

    [Fact]
    public async Task Nodes_opening_a_new_schema_at_once_migrate_it_once_and_all_serve()
    {
        await using var schema = await TempSchema.CreateAsync();

        var nodes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(schema.OpenAsync)));
        var key = Key(NewArn());
        await nodes[0].Keys.CreateKeyAsync(key, null);

        Assert.Equal(Migrator.Embedded.LatestVersion, await schema.ScalarAsync<long>("SELECT COUNT(*) FROM schema_version;"));
        Assert.All(await Task.WhenAll(nodes.Select(n => n.Keys.GetKeyAsync(key.Arn).AsTask())), Assert.NotNull);
    }

    [Fact]
    public async Task Reopening_a_migrated_schema_applies_nothing_again_and_keeps_the_data()
    {
        await using var schema = await TempSchema.CreateAsync();
        var key = Key(NewArn());
        await (await schema.OpenAsync()).Keys.CreateKeyAsync(key, null);

        var reopened = await schema.OpenAsync();

        Assert.Equal(Migrator.Embedded.LatestVersion, await schema.ScalarAsync<long>("SELECT COUNT(*) FROM schema_version;"));
        Assert.NotNull(await reopened.Keys.GetKeyAsync(key.Arn));
    }

    [Fact]
    public async Task A_schema_newer_than_this_build_is_refused_with_a_clear_error()
    {
        await using var schema = await TempSchema.CreateAsync();
        await schema.OpenAsync();
        await schema.ExecuteAsync("INSERT INTO schema_version (version, name, applied_at) VALUES (9999, 'future.sql', 0);");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(schema.OpenAsync);

        Assert.Contains("newer than version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_path_without_an_existing_schema_is_a_clear_error()
    {
        await using var schema = await TempSchema.CreateAsync();
        var missing = new NpgsqlConnectionStringBuilder(schema.ConnectionString) { SearchPath = "no_such_schema" }.ConnectionString;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await PostgresStore.OpenAsync(missing));

        Assert.Contains("create it first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_list_in_byte_order_whatever_the_database_collation()
    {
        await using var schema = await TempSchema.CreateAsync();
        var store = await schema.OpenAsync();
        // Byte order puts "B" before "a" and "-" before "0"; a linguistic collation would not.
        var ids = new[] { "a-key", "B-key", "0-key", "-key" };
        foreach (var id in ids)
        {
            await store.Keys.CreateKeyAsync(Key(new(AccountId, Region, id)), null);
        }

        var listed = await store.Keys.ListKeysAsync(AccountId, Region, null, 10);

        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), listed.Select(a => a.KeyId));
    }
}
