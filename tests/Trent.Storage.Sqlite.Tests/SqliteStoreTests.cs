using Microsoft.Data.Sqlite;
using Trent.Core.Keys;
using Trent.Storage.Contract;
using Trent.Storage.Relational;
using static Trent.Storage.Contract.TestData;

namespace Trent.Storage.Sqlite.Tests;

/// <summary>What only the SQLite backend promises: its file, its settings and its migrations.</summary>
public sealed class SqliteStoreTests : IAsyncLifetime
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly TempDatabase database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => database.DisposeAsync().AsTask();

    [Fact]
    public async Task Open_creates_the_database_file_and_applies_every_migration()
    {
        Assert.False(File.Exists(database.Path));

        var store = await database.OpenAsync();

        Assert.True(File.Exists(database.Path));
        Assert.Equal(database.Path, store.Path);
        Assert.Equal(Enumerable.Range(1, Migrator.Embedded.LatestVersion).Select(v => (long)v), AppliedVersions());
    }

    [Fact]
    public async Task Opening_an_existing_database_again_applies_no_migration_twice()
    {
        var key = Key(NewArn());
        var first = await database.OpenAsync();
        await first.Keys.CreateKeyAsync(key, null);
        // A second store on the same file while the first is open, then a reopen after both are closed.
        using (var concurrent = await SqliteStore.OpenAsync(database.Path))
        {
            Assert.NotNull(await concurrent.Keys.GetKeyAsync(key.Arn));
        }
        database.Close();
        var reopened = await database.OpenAsync();

        Assert.Equal(Enumerable.Range(1, Migrator.Embedded.LatestVersion).Select(v => (long)v), AppliedVersions());
        Assert.NotNull(await reopened.Keys.GetKeyAsync(key.Arn));
    }

    [Fact]
    public async Task Reopening_a_store_after_dispose_sees_every_committed_write()
    {
        var key = FullKey(NewArn());
        var material = Material("m-current", Now);
        var accessKey = RootAccessKey(AccountId, "AKIAEXAMPLE000000001");
        var store = await database.OpenAsync();
        await store.Keys.CreateKeyAsync(key, material);
        await store.Keys.TryCreateAliasAsync(Alias("alias/kept", key.KeyId));
        await store.Identity.CreateAccountAsync(NewAccount(AccountId), accessKey);
        await store.Meta.GetOrSetAsync("check", "value");
        database.Close();

        var reopened = await database.OpenAsync();
        var stored = await reopened.Keys.GetKeyAsync(key.Arn);

        StoreAssert.SameKey(key, stored?.Key);
        StoreAssert.SameMaterials([material], stored!.Materials);
        Assert.Equal(key.KeyId, (await reopened.Keys.GetAliasAsync(AccountId, Region, "alias/kept"))!.TargetKeyId);
        StoreAssert.SameAccessKey(accessKey, await reopened.Identity.GetAccessKeyAsync(accessKey.AccessKeyId));
        Assert.Equal("value", await reopened.Meta.GetAsync("check"));
    }

    [Fact]
    public async Task Database_wal_and_shm_files_are_readable_and_writable_by_the_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var store = await database.OpenAsync();
        await store.Keys.CreateKeyAsync(Key(NewArn()), Material("m1", Now));

        foreach (var file in new[] { database.Path, database.Path + "-wal", database.Path + "-shm" })
        {
            Assert.True(File.Exists(file), $"{file} exists while the store is open");
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task Opening_restricts_an_existing_database_file_with_wider_permissions()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        await database.OpenAsync();
        database.Close();
        File.SetUnixFileMode(database.Path, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await database.OpenAsync();

        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(database.Path));
    }

    [Fact]
    public async Task Connections_use_wal_full_sync_foreign_keys_and_secure_delete()
    {
        await database.OpenAsync();
        using var sqlite = SqliteDatabase.Open(database.Path);
        using var connection = sqlite.OpenConnection();

        Assert.Equal("wal", Pragma(connection, "journal_mode"));
        Assert.Equal(2L, Pragma(connection, "synchronous"));
        Assert.Equal(1L, Pragma(connection, "foreign_keys"));
        Assert.Equal(1L, Pragma(connection, "secure_delete"));
        Assert.True((long)Pragma(connection, "busy_timeout") >= 1000);
    }

    [Fact]
    public async Task Deleted_key_material_does_not_remain_in_the_database_file()
    {
        var key = Key(NewArn());
        var material = Material("m1", Now);
        var store = await database.OpenAsync();
        await store.Keys.CreateKeyAsync(key, material);
        // Closing checkpoints the WAL into the main file and removes it, so the main file alone holds everything.
        database.Close();
        Assert.True(FileContains(database.Path, material.SealedMaterial), "the sealed material is in the file before deletion");

        store = await database.OpenAsync();
        Assert.True(await store.Keys.DeleteKeyAsync(key.Arn));
        database.Close();

        Assert.False(File.Exists(database.Path + "-wal"));
        Assert.False(FileContains(database.Path, material.SealedMaterial), "secure_delete overwrote the deleted material");
    }

    [Fact]
    public async Task A_database_from_a_newer_schema_is_refused()
    {
        await database.OpenAsync();
        database.Close();
        using (var connection = RawConnection())
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES (9999, '9999_future.sql', 0);";
            command.ExecuteNonQuery();
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(async () => await database.OpenAsync());

        Assert.Contains("9999", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enums_are_stored_as_member_names_and_dates_as_unix_milliseconds()
    {
        var key = FullKey(NewArn());
        var store = await database.OpenAsync();
        await store.Keys.CreateKeyAsync(key, Material("m1", Now, RotationType.ON_DEMAND));
        await store.Identity.CreateAccountAsync(NewAccount(AccountId), RootAccessKey(AccountId, "AKIAEXAMPLE000000001"));

        var keyRow = Row($"SELECT key_spec, key_usage, origin, state, creation_date, deletion_date, tags FROM keys WHERE key_id = '{key.KeyId}'");
        var materialRow = Row("SELECT rotation_type, created_at FROM key_materials");
        var accessKeyRow = Row("SELECT principal_type, status FROM access_keys");

        Assert.Equal<object>(
            ["ECC_NIST_P384", "SIGN_VERIFY", "EXTERNAL", "PendingDeletion", key.CreationDate.ToUnixTimeMilliseconds(), key.DeletionDate!.Value.ToUnixTimeMilliseconds()],
            keyRow[..6]);
        Assert.Equal(
            """[{"TagKey":"Project","TagValue":"Trent"},{"TagKey":"Empty","TagValue":""},{"TagKey":"\u00DCn\u00EFc\u00F8d\u00E9","TagValue":"\u2713 value"}]""",
            keyRow[6]);
        Assert.Equal<object>(["ON_DEMAND", Now.ToUnixTimeMilliseconds()], materialRow);
        Assert.Equal<object>(["Root", "Active"], accessKeyRow);
    }

    [Fact]
    public async Task Due_listing_reads_the_partial_indexes_in_due_order()
    {
        await database.OpenAsync();

        var plan = QueryPlan(SqliteKeyStore.SelectDue);

        Assert.Contains("keys_deletion_due", plan, StringComparison.Ordinal);
        Assert.Contains("keys_rotation_due", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_aliases_of_a_key_reads_the_target_index_in_name_order()
    {
        await database.OpenAsync();

        var plan = QueryPlan(SqliteKeyStore.ListAliasesSql(byTarget: true, after: true));

        Assert.Contains("aliases_by_target", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("enabled")]
    [InlineData("Enabled,Disabled")]
    [InlineData("Deleted")]
    public void A_stored_enum_value_that_is_not_an_exact_member_name_is_rejected(string stored)
    {
        Assert.Throws<InvalidDataException>(() => EnumNames.Parse<KeyState>(stored));
    }

    private List<long> AppliedVersions()
    {
        using var connection = RawConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version ORDER BY version;";
        using var reader = command.ExecuteReader();
        var versions = new List<long>();
        while (reader.Read())
        {
            versions.Add(reader.GetInt64(0));
        }
        return versions;
    }

    private object[] Row(string sql)
    {
        using var connection = RawConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        var values = new object[reader.FieldCount];
        reader.GetValues(values);
        return values;
    }

    private string QueryPlan(string sql)
    {
        using var connection = RawConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in new[] { "$account_id", "$region", "$target_key_id", "$after", "$now", "$limit" })
        {
            command.Parameters.AddWithValue(name, 1);
        }
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(3));
        }
        return string.Join('\n', lines);
    }

    // Unpooled, so that closing it really closes it and leaves no handle on the file.
    private SqliteConnection RawConnection()
    {
        var connection = new SqliteConnection($"Data Source={database.Path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static object Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return command.ExecuteScalar()!;
    }

    private static bool FileContains(string path, byte[] needle) => File.ReadAllBytes(path).AsSpan().IndexOf(needle) >= 0;
}
