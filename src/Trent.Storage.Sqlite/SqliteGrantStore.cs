using Microsoft.Data.Sqlite;
using Trent.Core.Authorization.Grants;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Storage.Sqlite;

/// <summary>Grants in SQLite. Their rows reference the key row, which takes them along when it is deleted.</summary>
public sealed class SqliteGrantStore : IGrantStore
{
    // Inserts only while the key exists and holds fewer than $max grants, so the quota holds under concurrent writers.
    private static readonly string InsertGrant = $"""
        INSERT INTO grants ({GrantsTable.Columns})
        SELECT {GrantRows.Values}
        WHERE EXISTS (SELECT 1 FROM keys WHERE {KeyRows.KeyMatches})
          AND (SELECT COUNT(*) FROM grants WHERE {KeyRows.KeyMatches}) < $max;
        """;

    private static readonly string SelectGrant = $"SELECT {GrantsTable.Columns} FROM grants WHERE {KeyRows.KeyMatches} AND grant_id = $grant_id;";

    internal static readonly string SelectByName =
        $"SELECT {GrantsTable.Columns} FROM grants WHERE {KeyRows.KeyMatches} AND name = $name ORDER BY creation_date, grant_id;";

    private const string After = "(creation_date, grant_id) > ($after_date, $after_id)";

    private readonly SqliteDatabase database;

    internal SqliteGrantStore(SqliteDatabase database) => this.database = database;

    public ValueTask<GrantCreation> TryCreateAsync(Grant grant, int maxGrantsPerKey, CancellationToken ct = default) =>
        database.WriteAsync(tx =>
        {
            using (var insert = tx.Command(InsertGrant).WithGrant(grant).With("$max", CheckLimit(maxGrantsPerKey)))
            {
                if (insert.ExecuteNonQuery() == 1)
                {
                    return GrantCreation.Created;
                }
            }
            using var keyExists = tx.Command($"SELECT EXISTS (SELECT 1 FROM keys WHERE {KeyRows.KeyMatches});").WithArn(grant.KeyArn);
            return (long)keyExists.ExecuteScalar()! == 1 ? GrantCreation.LimitExceeded : GrantCreation.KeyNotFound;
        }, ct);

    public ValueTask<Grant?> GetAsync(KeyArn key, string grantId, CancellationToken ct = default) =>
        database.ReadAsync(tx =>
        {
            using var select = tx.Command(SelectGrant).WithArn(key).With("$grant_id", grantId);
            return ReadAll(select).SingleOrDefault();
        }, ct);

    public ValueTask<IReadOnlyList<Grant>> FindByNameAsync(KeyArn key, string name, CancellationToken ct = default) =>
        database.ReadAsync(tx =>
        {
            using var select = tx.Command(SelectByName).WithArn(key).With("$name", name);
            return ReadAll(select);
        }, ct);

    public ValueTask<IReadOnlyList<Grant>> ListByKeyAsync(
        KeyArn key, string? grantId, string? granteePrincipal, GrantPosition? after, int limit, CancellationToken ct = default) =>
        database.ReadAsync(tx =>
        {
            using var select = tx.Command(ListByKeySql(grantId is not null, granteePrincipal is not null, after is not null))
                .WithArn(key)
                .With("$grant_id", grantId)
                .With("$grantee_principal", granteePrincipal)
                .WithPosition(after)
                .With("$limit", CheckLimit(limit));
            return ReadAll(select);
        }, ct);

    public ValueTask<IReadOnlyList<Grant>> ListByRetiringPrincipalAsync(
        string region, string retiringPrincipal, GrantPosition? after, int limit, CancellationToken ct = default) =>
        database.ReadAsync(tx =>
        {
            using var select = tx.Command(ListByRetiringPrincipalSql(after is not null))
                .With("$region", region)
                .With("$retiring_principal", retiringPrincipal)
                .WithPosition(after)
                .With("$limit", CheckLimit(limit));
            return ReadAll(select);
        }, ct);

    public ValueTask<bool> DeleteAsync(KeyArn key, string grantId, CancellationToken ct = default) =>
        database.WriteAsync(tx =>
        {
            using var delete = tx.Command($"DELETE FROM grants WHERE {KeyRows.KeyMatches} AND grant_id = $grant_id;").WithArn(key).With("$grant_id", grantId);
            return delete.ExecuteNonQuery() == 1;
        }, ct);

    public ValueTask<int> CountAsync(KeyArn key, CancellationToken ct = default) =>
        database.ReadAsync(tx =>
        {
            using var count = tx.Command($"SELECT COUNT(*) FROM grants WHERE {KeyRows.KeyMatches};").WithArn(key);
            return (int)(long)count.ExecuteScalar()!;
        }, ct);

    /// <summary>The key listing query; every variant is served in order by <c>grants_by_key</c>.</summary>
    internal static string ListByKeySql(bool byId, bool byGrantee, bool after)
    {
        var sql = $"SELECT {GrantsTable.Columns} FROM grants WHERE {KeyRows.KeyMatches}";
        if (byId)
        {
            sql += " AND grant_id = $grant_id";
        }
        if (byGrantee)
        {
            sql += " AND grantee_principal = $grantee_principal";
        }
        if (after)
        {
            sql += $" AND {After}";
        }
        return sql + " ORDER BY creation_date, grant_id LIMIT $limit;";
    }

    /// <summary>The retiring principal listing query, served in order by <c>grants_by_retiring_principal</c>.</summary>
    internal static string ListByRetiringPrincipalSql(bool after) =>
        $"SELECT {GrantsTable.Columns} FROM grants WHERE region = $region AND retiring_principal = $retiring_principal"
        + (after ? $" AND {After}" : "")
        + " ORDER BY creation_date, grant_id LIMIT $limit;";

    private static IReadOnlyList<Grant> ReadAll(SqliteCommand select)
    {
        var grants = new List<Grant>();
        using var row = select.ExecuteReader();
        while (row.Read())
        {
            grants.Add(GrantsTable.Read(row));
        }
        return grants;
    }

    // SQLite reads a negative LIMIT as "no limit"; a caller's negative limit is a bug, not a request for everything.
    private static int CheckLimit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return limit;
    }
}
