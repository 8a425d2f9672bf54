namespace Trent.Server.Tests.Docs;

/// <summary>
/// The README's operations table matches the model and the operation table. Set <c>TRENT_UPDATE_DOCS=1</c> to
/// rewrite it instead of failing.
/// </summary>
public sealed class OperationsTableTests
{
    [Fact]
    public void The_README_operations_table_lists_every_model_operation_with_its_status()
    {
        var path = Path.Combine(OperationsTable.RepositoryRoot(), "README.md");
        var document = File.ReadAllText(path);
        var expected = OperationsTable.Block();

        if (Environment.GetEnvironmentVariable("TRENT_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, OperationsTable.Replace(document, expected));
            return;
        }

        Assert.True(
            OperationsTable.Current(document) == expected,
            $"README.md's operations table is out of date. Run the tests with TRENT_UPDATE_DOCS=1, or replace the block with:\n\n{expected}\n");
    }

    [Fact]
    public void The_generated_table_has_one_row_per_model_operation_in_alphabetical_order()
    {
        var rows = OperationsTable.Block().Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1)
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries)).ToList();

        Assert.Equal(54, rows.Count);
        Assert.Equal(rows.Select(r => r[1]).Order(StringComparer.Ordinal), rows.Select(r => r[1]));
        Assert.Equal(Wire.KmsModel.Implemented.Count, rows.Count(r => r[2] == "supported"));
        Assert.All(rows, r => Assert.Contains(r[2], new[] { "supported", "not yet" }));
    }
}
