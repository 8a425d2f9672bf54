using System.Globalization;
using Npgsql;

namespace Trent.Storage.Postgres;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> scripts in version order, recording each in <c>schema_version</c>.
/// Nodes starting at once take a transaction-scoped advisory lock first: one migrates, the others wait and then find
/// nothing left to do. DDL is transactional in PostgreSQL, so a failed migration leaves the schema as it was.
/// </summary>
internal static class Migrator
{
    private const string Lock = "SELECT pg_advisory_xact_lock(hashtext('trent-migrations:' || current_schema()));";

    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version integer NOT NULL PRIMARY KEY,
            name text NOT NULL,
            applied_at bigint NOT NULL
        );
        """;

    /// <summary>The migrations built into this assembly, versions 1 to N without gaps.</summary>
    public static IReadOnlyList<Migration> Embedded { get; } = Load();

    public static int LatestVersion => Embedded[^1].Version;

    // Waiting for the lock while another node migrates, and migrating a large table, may take far longer than the
    // statement timeout that bounds requests.
    private const int StatementTimeoutSeconds = 600;

    public static async Task ApplyAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        NpgsqlCommand Command(string sql) => new(sql, connection, transaction) { CommandTimeout = StatementTimeoutSeconds };
        await Command(Lock).RunAsync(ct);
        await Command(CreateVersionTable).RunAsync(ct);
        var current = await Command("SELECT COALESCE(MAX(version), 0) FROM schema_version;").ScalarAsync<int>(ct);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database schema is at version {current}, newer than version {LatestVersion} that this build of Trent knows; run a newer Trent.");
        }
        foreach (var migration in Embedded.Where(m => m.Version > current))
        {
            await Command(migration.Sql).RunAsync(ct);
            await Command("INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @applied_at);")
                .With("version", migration.Version)
                .With("name", migration.Name)
                .With("applied_at", UnixMillis.From(DateTimeOffset.UtcNow))
                .RunAsync(ct);
        }
        await transaction.CommitAsync(ct);
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
