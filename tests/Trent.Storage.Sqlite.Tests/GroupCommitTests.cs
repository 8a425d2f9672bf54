using Microsoft.Data.Sqlite;

namespace Trent.Storage.Sqlite.Tests;

/// <summary>Concurrent writes share one transaction and one fsync, and still succeed or fail each on its own.</summary>
public sealed class GroupCommitTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("trent-sqlite-");
    private readonly SqliteDatabase database;

    public GroupCommitTests()
    {
        database = SqliteDatabase.Open(Path.Combine(directory.FullName, "trent.db"));
        database.WriteAsync(tx => Execute(tx, "CREATE TABLE t (x INTEGER PRIMARY KEY);"), default).AsTask().GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        database.Dispose();
        directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Concurrent_writes_all_commit()
    {
        var writes = Enumerable.Range(1, 200)
            .Select(i => Task.Run(() => database.WriteGroupedAsync(tx => Execute(tx, $"INSERT INTO t VALUES ({i});"), default).AsTask()));

        await Task.WhenAll(writes);

        Assert.Equal(200, await CountAsync());
    }

    [Fact]
    public async Task A_failing_write_in_a_batch_is_rolled_back_alone()
    {
        // Hold the committer in a first write, so that the next three queue and are committed as one batch.
        using var holding = new ManualResetEventSlim();
        using var held = new ManualResetEventSlim();
        var first = Task.Run(() => database.WriteGroupedAsync(tx =>
        {
            held.Set();
            holding.Wait();
            Execute(tx, "INSERT INTO t VALUES (1);");
        }, default).AsTask());
        held.Wait();
        var before = database.WriteGroupedAsync(tx => Execute(tx, "INSERT INTO t VALUES (2);"), default).AsTask();
        var failing = database.WriteGroupedAsync(tx =>
        {
            Execute(tx, "INSERT INTO t VALUES (3);");
            throw new InvalidOperationException("refused");
        }, default).AsTask();
        var duplicate = database.WriteGroupedAsync(tx => Execute(tx, "INSERT INTO t VALUES (2);"), default).AsTask();
        var after = database.WriteGroupedAsync(tx => Execute(tx, "INSERT INTO t VALUES (4);"), default).AsTask();
        Assert.False(before.IsCompleted, "the queued writes wait for the batch in progress");
        holding.Set();

        await first;
        await before;
        await after;
        Assert.Equal("refused", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing)).Message);
        await Assert.ThrowsAsync<SqliteException>(() => duplicate);
        Assert.Equal([1L, 2L, 4L], await ValuesAsync());
    }

    private static int Execute(SqliteTransaction tx, string sql)
    {
        using var command = tx.Command(sql);
        return command.ExecuteNonQuery();
    }

    private async Task<long> CountAsync() =>
        await database.ReadAsync(tx =>
        {
            using var count = tx.Command("SELECT COUNT(*) FROM t;");
            return (long)count.ExecuteScalar()!;
        }, default);

    private async Task<List<long>> ValuesAsync() =>
        await database.ReadAsync(tx =>
        {
            using var select = tx.Command("SELECT x FROM t ORDER BY x;");
            using var row = select.ExecuteReader();
            var values = new List<long>();
            while (row.Read())
            {
                values.Add(row.GetInt64(0));
            }
            return values;
        }, default);
}
