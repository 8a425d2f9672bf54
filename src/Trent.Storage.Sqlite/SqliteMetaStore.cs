using Trent.Core.Storage;

namespace Trent.Storage.Sqlite;

/// <summary>Named values about the store itself, in SQLite.</summary>
public sealed class SqliteMetaStore : IMetaStore
{
    private readonly SqliteDatabase database;

    internal SqliteMetaStore(SqliteDatabase database) => this.database = database;

    public ValueTask<string?> GetAsync(string name, CancellationToken ct = default) =>
        database.ReadAsync(tx =>
        {
            using var select = tx.Command("SELECT value FROM meta WHERE name = $name;").With("$name", name);
            return (string?)select.ExecuteScalar();
        }, ct);

    public ValueTask<string> GetOrSetAsync(string name, string value, CancellationToken ct = default) =>
        database.WriteAsync(tx =>
        {
            using (var insert = tx.Command("INSERT INTO meta (name, value) VALUES ($name, $value) ON CONFLICT (name) DO NOTHING;"))
            {
                insert.With("$name", name).With("$value", value).ExecuteNonQuery();
            }
            using var select = tx.Command("SELECT value FROM meta WHERE name = $name;").With("$name", name);
            return (string)select.ExecuteScalar()!;
        }, ct);
}
