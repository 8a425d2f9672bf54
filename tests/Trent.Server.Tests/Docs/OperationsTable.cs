using System.Text;
using Trent.Server.Tests.Wire;

namespace Trent.Server.Tests.Docs;

/// <summary>The README's compatibility table of operations, generated from the AWS model and Trent's operation table.</summary>
public static class OperationsTable
{
    public const string Start = "<!-- operations:start -->";
    public const string End = "<!-- operations:end -->";

    /// <summary>The block from the start marker to the end marker, inclusive, as it should read.</summary>
    public static string Block()
    {
        var block = new StringBuilder().Append(Start).Append('\n')
            .Append("| Operation | Status |\n")
            .Append("|---|---|\n");
        foreach (var operation in KmsModel.Operations)
        {
            var status = KmsModel.Implemented.Contains(operation) ? "supported" : "not yet";
            block.Append("| ").Append(operation).Append(" | ").Append(status).Append(" |\n");
        }
        return block.Append(End).ToString();
    }

    /// <summary>The block as the document has it; null when the markers are missing.</summary>
    public static string? Current(string document)
    {
        var start = document.IndexOf(Start, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        return start < 0 || end < start ? null : document[start..(end + End.Length)];
    }

    /// <summary>The document with its block replaced by <paramref name="block"/>.</summary>
    public static string Replace(string document, string block) =>
        Current(document) is { } current
            ? document.Replace(current, block, StringComparison.Ordinal)
            : throw new InvalidOperationException($"The document has no {Start} ... {End} block.");

    /// <summary>The repository root: the nearest directory above the test binaries that holds Trent.slnx.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Trent.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Trent.slnx above {AppContext.BaseDirectory}.");
    }
}
