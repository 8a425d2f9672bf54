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

    /// <summary>The migrations built into this assembly.</summary>
    public static EmbeddedMigrations Embedded { get; } = EmbeddedMigrations.From(typeof(Migrator).Assembly);

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
        foreach (var migration in Embedded.After(current))
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
}
