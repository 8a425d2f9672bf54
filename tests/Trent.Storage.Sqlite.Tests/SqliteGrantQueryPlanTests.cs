using Microsoft.Data.Sqlite;

namespace Trent.Storage.Sqlite.Tests;

/// <summary>The grant queries read their indexes in listing order, without sorting, so pages stay cheap at 50,000 grants a key.</summary>
public sealed class SqliteGrantQueryPlanTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();

    public async Task InitializeAsync() => await database.OpenAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(false, false, true)]
    [InlineData(false, true, true)]
    public void Listing_a_keys_grants_reads_the_key_index_in_order(bool byId, bool byGrantee, bool after)
    {
        var plan = QueryPlan(SqliteGrantStore.ListByKeySql(byId, byGrantee, after));

        Assert.Contains("grants_by_key", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void Finding_one_grant_by_id_reads_the_primary_key()
    {
        var plan = QueryPlan(SqliteGrantStore.ListByKeySql(byId: true, byGrantee: false, after: false));

        Assert.Contains("USING INDEX sqlite_autoindex_grants_1 (account_id=? AND region=? AND key_id=? AND grant_id=?)", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Listing_retirable_grants_reads_the_retiring_principal_index_in_order(bool after)
    {
        var plan = QueryPlan(SqliteGrantStore.ListByRetiringPrincipalSql(after));

        Assert.Contains("grants_by_retiring_principal", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void Finding_grants_by_name_reads_the_name_index()
    {
        var plan = QueryPlan(SqliteGrantStore.SelectByName);

        Assert.Contains("grants_by_name", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    private string QueryPlan(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in new[] { "$account_id", "$region", "$key_id", "$grant_id", "$grantee_principal", "$retiring_principal", "$name", "$after_date", "$after_id", "$limit" })
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
}
