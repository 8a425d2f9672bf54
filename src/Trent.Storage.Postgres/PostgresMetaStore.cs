using Trent.Core.Storage;

namespace Trent.Storage.Postgres;

/// <summary>Named values about the store itself (the root key's check value), in PostgreSQL.</summary>
internal sealed class PostgresMetaStore(PostgresDatabase database) : IMetaStore
{
    public ValueTask<string?> GetAsync(string name, CancellationToken ct = default) =>
        new(database.ReadAsync(async tx =>
            (await tx.Command("SELECT value FROM meta WHERE name = @name;").With("name", name).ListAsync(r => r.GetString(0), ct))
                .SingleOrDefault(), ct));

    // Nodes starting at once on a new database race here: the insert of the first wins, the others wait for it to
    // commit, insert nothing, and then read its value.
    public ValueTask<string> GetOrSetAsync(string name, string value, CancellationToken ct = default) =>
        new(database.WriteAsync(async tx =>
        {
            await tx.Command("INSERT INTO meta (name, value) VALUES (@name, @value) ON CONFLICT (name) DO NOTHING;")
                .With("name", name).With("value", value).RunAsync(ct);
            return await tx.Command("SELECT value FROM meta WHERE name = @name;").With("name", name).ScalarAsync<string>(ct);
        }, ct));
}
