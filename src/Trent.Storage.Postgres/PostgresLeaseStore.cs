using Trent.Core.Storage;

namespace Trent.Storage.Postgres;

/// <summary>Leases in PostgreSQL, timed by the database's clock so that nodes' clocks need not agree.</summary>
internal sealed class PostgresLeaseStore(PostgresDatabase database) : ILeaseStore
{
    // One atomic statement: a lease that ran out, or is this holder's, is taken; another holder's running lease is left.
    private const string Take = """
        INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, clock_timestamp() + @duration)
        ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
        WHERE leases.expires_at < clock_timestamp() OR leases.holder = excluded.holder
        RETURNING holder;
        """;

    public ValueTask<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken ct = default) =>
        new(database.WriteAsync(async tx =>
            (await tx.Command(Take).With("name", name).With("holder", holder).With("duration", duration).ListAsync(r => r.GetString(0), ct)).Count == 1, ct));

    public ValueTask ReleaseAsync(string name, string holder, CancellationToken ct = default) =>
        new(database.WriteAsync(tx =>
            tx.Command("DELETE FROM leases WHERE name = @name AND holder = @holder;").With("name", name).With("holder", holder).RunAsync(ct), ct));
}
