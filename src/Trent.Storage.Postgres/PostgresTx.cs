using Npgsql;
using Trent.Core.Storage;

namespace Trent.Storage.Postgres;

/// <summary>One unit of work: its commands run in one transaction, and the changes it announces are notified on commit.</summary>
internal sealed class PostgresTx(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    private List<StoreChange>? _changes;

    /// <summary>What the unit announced, for the database to notify in the same transaction.</summary>
    public IReadOnlyList<StoreChange>? Changes => _changes;

    public NpgsqlCommand Command(string sql) => new(sql, connection, transaction);

    /// <summary>Tells every node's caches about this change, once (and only if) the transaction commits.</summary>
    public void Announce(StoreChange change) => (_changes ??= []).Add(change);
}
