using Microsoft.Data.Sqlite;
using static Trent.Storage.Contract.TestData;

namespace Trent.Storage.Sqlite.Tests;

/// <summary>The key quota reads a count the database keeps (migration 0005) instead of counting the keys.</summary>
public sealed class SqliteKeyCountTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => database.DisposeAsync().AsTask();

    [Fact]
    public async Task The_count_follows_keys_created_and_deleted()
    {
        var store = await database.OpenAsync();
        var arns = Enumerable.Range(0, 3).Select(_ => NewArn()).ToList();
        foreach (var arn in arns)
        {
            await store.Keys.CreateKeyAsync(Key(arn), null);
        }

        Assert.True(await store.Keys.DeleteKeyAsync(arns[0]));
        Assert.False(await store.Keys.DeleteKeyAsync(arns[0]));

        Assert.Equal(2, await store.Keys.CountKeysAsync(AccountId, Region));
        Assert.Equal(0, await store.Keys.CountKeysAsync(OtherAccountId, Region));
    }

    [Fact]
    public async Task The_migration_counts_the_keys_a_database_already_holds()
    {
        var store = await database.OpenAsync();
        await store.Keys.CreateKeyAsync(Key(NewArn()), null);
        await store.Keys.CreateKeyAsync(Key(NewArn()), null);
        await store.Keys.CreateKeyAsync(Key(NewArn(OtherAccountId)), null);
        database.Close();
        // Back to the schema before the count existed, keys and all.
        using (var connection = new SqliteConnection($"Data Source={database.Path};Pooling=False"))
        {
            connection.Open();
            using var downgrade = connection.CreateCommand();
            downgrade.CommandText = """
                DROP TRIGGER keys_counted_on_insert;
                DROP TRIGGER keys_counted_on_delete;
                DROP TABLE key_counts;
                DELETE FROM schema_version WHERE version >= 5;
                """;
            downgrade.ExecuteNonQuery();
        }

        store = await database.OpenAsync();

        Assert.Equal(2, await store.Keys.CountKeysAsync(AccountId, Region));
        Assert.Equal(1, await store.Keys.CountKeysAsync(OtherAccountId, Region));
    }
}
