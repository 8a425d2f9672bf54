using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Trent.Storage.Sqlite;

/// <summary>Applies the embedded <c>Migrations/NNNN_name.sql</c> scripts in version order, recording each in <c>schema_version</c>.</summary>
internal static class Migrator
{
    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at INTEGER NOT NULL
        ) STRICT;
        """;

    /// <summary>The migrations built into this assembly, versions 1 to N without gaps.</summary>
    public static IReadOnlyList<Migration> Embedded { get; } = Load();

    public static int LatestVersion => Embedded[^1].Version;

    public static void Apply(SqliteConnection connection)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = CreateVersionTable;
            create.ExecuteNonQuery();
        }
        foreach (var migration in Embedded)
        {
            // Each migration checks the version under the write lock, so two processes opening one new file apply it once.
            using var transaction = connection.BeginTransaction(deferred: false);
            var current = CurrentVersion(transaction);
            if (current > LatestVersion)
            {
                throw new InvalidOperationException(
                    $"The database schema is at version {current}, newer than version {LatestVersion} that this build of Trent knows; run a newer Trent.");
            }
            if (current >= migration.Version)
            {
                continue;
            }
            using (var script = transaction.Command(migration.Sql))
            {
                script.ExecuteNonQuery();
            }
            using (var record = transaction.Command("INSERT INTO schema_version (version, name, applied_at) VALUES ($version, $name, $applied_at);"))
            {
                record.With("$version", migration.Version)
                    .With("$name", migration.Name)
                    .With("$applied_at", UnixMillis.From(DateTimeOffset.UtcNow))
                    .ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    private static long CurrentVersion(SqliteTransaction transaction)
    {
        using var command = transaction.Command("SELECT COALESCE(MAX(version), 0) FROM schema_version;");
        return (long)command.ExecuteScalar()!;
    }

    private static Migration[] Load()
    {
        var assembly = typeof(Migrator).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return new Migration(int.Parse(name.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture), name, reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToArray();
        for (var i = 0; i < migrations.Length; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Embedded migration '{migrations[i].Name}' breaks the sequence 0001, 0002, ...");
            }
        }
        return migrations;
    }

    /// <summary>One schema step: its version (the file name's four-digit prefix), file name and SQL.</summary>
    internal sealed record Migration(int Version, string Name, string Sql);
}
