using Trent.Core.Authorization.Grants;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Storage.Postgres;

/// <summary>Grants in PostgreSQL. Their rows reference the key row, which takes them along when it is deleted.</summary>
internal sealed class PostgresGrantStore(PostgresDatabase database) : IGrantStore
{
    private const string After = "(creation_date, grant_id) > (@after_date, @after_id::text)";

    public ValueTask<GrantCreation> TryCreateAsync(Grant grant, int maxGrantsPerKey, CancellationToken ct = default) =>
        new(database.WriteAsync(async tx =>
        {
            // Locking the key row serializes the grant writers of one key, so the quota holds under concurrent writers
            // (a count alone would not: under read committed, both would count before either inserts).
            var exists = await tx.Command($"SELECT 1 FROM keys WHERE {Rows.KeyMatches} FOR NO KEY UPDATE;")
                .WithArn(grant.KeyArn).ListAsync(r => r.GetInt32(0), ct);
            if (exists.Count == 0)
            {
                return GrantCreation.KeyNotFound;
            }
            var count = await tx.Command($"SELECT COUNT(*) FROM grants WHERE {Rows.KeyMatches};").WithArn(grant.KeyArn).ScalarAsync<long>(ct);
            if (count >= CheckLimit(maxGrantsPerKey))
            {
                return GrantCreation.LimitExceeded;
            }
            await tx.Command($"INSERT INTO grants ({GrantsTable.Columns}) VALUES ({Rows.GrantValues});").WithGrant(grant).RunAsync(ct);
            tx.Announce(new StoreChange.Grants(grant.KeyArn));
            return GrantCreation.Created;
        }, ct));

    public ValueTask<Grant?> GetAsync(KeyArn key, string grantId, CancellationToken ct = default) =>
        new(database.ReadAsync(tx =>
            tx.Command($"SELECT {GrantsTable.Columns} FROM grants WHERE {Rows.KeyMatches} AND grant_id = @grant_id;")
                .WithArn(key).With("grant_id", grantId)
                .FirstOrNullAsync(GrantsTable.Read, ct), ct));

    public ValueTask<IReadOnlyList<Grant>> FindByNameAsync(KeyArn key, string name, CancellationToken ct = default) =>
        new(database.ReadAsync<IReadOnlyList<Grant>>(async tx =>
            await tx.Command($"SELECT {GrantsTable.Columns} FROM grants WHERE {Rows.KeyMatches} AND name = @name ORDER BY creation_date, grant_id;")
                .WithArn(key).With("name", name)
                .ListAsync(GrantsTable.Read, ct), ct));

    public ValueTask<IReadOnlyList<Grant>> ListByKeyAsync(
        KeyArn key, string? grantId, string? granteePrincipal, GrantPosition? after, int limit, CancellationToken ct = default) =>
        new(database.ReadAsync<IReadOnlyList<Grant>>(async tx =>
            await tx.Command($"""
                SELECT {GrantsTable.Columns} FROM grants
                WHERE {Rows.KeyMatches}
                  AND (@grant_id::text IS NULL OR grant_id = @grant_id)
                  AND (@grantee_principal::text IS NULL OR grantee_principal = @grantee_principal)
                  AND (@after_id::text IS NULL OR {After})
                ORDER BY creation_date, grant_id LIMIT @limit;
                """)
                .WithArn(key)
                .With("grant_id", grantId)
                .With("grantee_principal", granteePrincipal)
                .WithPosition(after)
                .With("limit", CheckLimit(limit))
                .ListAsync(GrantsTable.Read, ct), ct));

    public ValueTask<IReadOnlyList<Grant>> ListByRetiringPrincipalAsync(
        string region, string retiringPrincipal, GrantPosition? after, int limit, CancellationToken ct = default) =>
        new(database.ReadAsync<IReadOnlyList<Grant>>(async tx =>
            await tx.Command($"""
                SELECT {GrantsTable.Columns} FROM grants
                WHERE region = @region AND retiring_principal = @retiring_principal AND (@after_id::text IS NULL OR {After})
                ORDER BY creation_date, grant_id LIMIT @limit;
                """)
                .With("region", region)
                .With("retiring_principal", retiringPrincipal)
                .WithPosition(after)
                .With("limit", CheckLimit(limit))
                .ListAsync(GrantsTable.Read, ct), ct));

    public ValueTask<bool> DeleteAsync(KeyArn key, string grantId, CancellationToken ct = default) =>
        new(database.WriteAsync(async tx =>
        {
            var deleted = await tx.Command($"DELETE FROM grants WHERE {Rows.KeyMatches} AND grant_id = @grant_id;")
                .WithArn(key).With("grant_id", grantId).RunAsync(ct) == 1;
            if (deleted)
            {
                tx.Announce(new StoreChange.Grants(key));
            }
            return deleted;
        }, ct));

    public ValueTask<int> CountAsync(KeyArn key, CancellationToken ct = default) =>
        new(database.ReadAsync(async tx =>
            (int)await tx.Command($"SELECT COUNT(*) FROM grants WHERE {Rows.KeyMatches};").WithArn(key).ScalarAsync<long>(ct), ct));

    private static int CheckLimit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return limit;
    }
}
