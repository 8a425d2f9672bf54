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

    /// <summary>The migrations built into this assembly.</summary>
    public static EmbeddedMigrations Embedded { get; } = EmbeddedMigrations.From(typeof(Migrator).Assembly);

    public static void Apply(SqliteConnection connection)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = CreateVersionTable;
            create.ExecuteNonQuery();
        }
        foreach (var migration in Embedded.All)
        {
            // Each migration checks the version under the write lock, so two processes opening one new file apply it once.
            using var transaction = connection.BeginTransaction(deferred: false);
            var current = CurrentVersion(transaction);
            Embedded.CheckKnown(current);
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
}
