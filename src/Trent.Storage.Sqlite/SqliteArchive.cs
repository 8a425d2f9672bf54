using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Trent.Core.Identity.Iam;
using Trent.Core.Storage;

namespace Trent.Storage.Sqlite;

/// <summary>Every row of the SQLite file, out in one read transaction (one snapshot) and in with one write transaction.</summary>
public sealed class SqliteArchive : IStoreArchive
{
    private const string CountAll = """
        SELECT (SELECT COUNT(*) FROM accounts) + (SELECT COUNT(*) FROM access_keys) + (SELECT COUNT(*) FROM iam_users)
             + (SELECT COUNT(*) FROM iam_roles) + (SELECT COUNT(*) FROM iam_user_policies) + (SELECT COUNT(*) FROM iam_role_policies)
             + (SELECT COUNT(*) FROM keys) + (SELECT COUNT(*) FROM aliases) + (SELECT COUNT(*) FROM grants)
             + (SELECT COUNT(*) FROM key_usage) + (SELECT COUNT(*) FROM meta);
        """;

    private readonly SqliteDatabase database;

    internal SqliteArchive(SqliteDatabase database) => this.database = database;

    public ValueTask<StoreExport> ExportAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var connection = database.OpenConnection();
        try
        {
            // A deferred transaction reads one snapshot of the WAL database for as long as it stays open.
            var transaction = connection.BeginTransaction(deferred: true);
            using var count = transaction.Command(CountAll);
            var total = (long)count.ExecuteScalar()!;
            return ValueTask.FromResult(new StoreExport(total, Rows(transaction, ct), new Snapshot(connection, transaction)));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public async ValueTask ImportAsync(IAsyncEnumerable<ArchiveRecord> records, CancellationToken ct = default)
    {
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var holdsData = transaction.Command(
            "SELECT EXISTS (SELECT 1 FROM accounts) OR EXISTS (SELECT 1 FROM keys) OR EXISTS (SELECT 1 FROM meta);"))
        {
            if ((long)holdsData.ExecuteScalar()! == 1)
            {
                throw new StoreNotEmptyException($"The SQLite database {database.Path} already holds data; restore only into an empty one.");
            }
        }
        await foreach (var record in records.WithCancellation(ct))
        {
            Insert(transaction, record);
        }
        transaction.Commit();
    }

    private static void Insert(SqliteTransaction tx, ArchiveRecord record)
    {
        switch (record)
        {
            case ArchiveRecord.AccountRow(var account):
                Run(tx.Command($"INSERT INTO accounts ({AccountsTable.Columns}) VALUES ({IdentityRows.AccountValues});").WithAccount(account));
                break;
            case ArchiveRecord.AccessKeyRow(var key):
                Run(tx.Command($"INSERT INTO access_keys ({AccessKeysTable.Columns}) VALUES ({IdentityRows.AccessKeyValues});").WithAccessKey(key));
                break;
            case ArchiveRecord.UserRow(var user):
                Run(tx.Command($"INSERT INTO iam_users ({IamUsersTable.Columns}) VALUES ({IamRows.UserValues});").WithUser(user));
                break;
            case ArchiveRecord.RoleRow(var role):
                Run(tx.Command($"INSERT INTO iam_roles ({IamRolesTable.Columns}) VALUES ({IamRows.RoleValues});").WithRole(role));
                break;
            case ArchiveRecord.PolicyRow(var kind, var ownerId, var policy):
                var (table, column) = kind == PolicyOwnerKind.User ? ("iam_user_policies", "user_id") : ("iam_role_policies", "role_id");
                Run(tx.Command($"INSERT INTO {table} ({column}, policy_name, document) VALUES ($owner_id, $policy_name, $document);")
                    .With("$owner_id", ownerId).With("$policy_name", policy.PolicyName).With("$document", policy.Document));
                break;
            case ArchiveRecord.KeyRow(var stored):
                Run(tx.Command($"INSERT INTO keys ({KeysTable.Columns}) VALUES ({KeyRows.KeyValues});").WithKey(stored.Key));
                for (var i = 0; i < stored.Materials.Count; i++)
                {
                    Run(tx.Command($"""
                        INSERT INTO key_materials (account_id, region, key_id, ordinal, {KeyMaterialsTable.Columns})
                        VALUES ($account_id, $region, $key_id, $ordinal, $material_id, $created_at, $rotation_type, $sealed);
                        """).WithArn(stored.Key.Arn).With("$ordinal", i + 1).WithMaterial(stored.Materials[i]));
                }
                break;
            case ArchiveRecord.AliasRow(var alias):
                Run(tx.Command($"INSERT INTO aliases ({AliasesTable.Columns}) VALUES ({AliasRows.Values});").WithAlias(alias));
                break;
            case ArchiveRecord.GrantRow(var grant):
                Run(tx.Command($"INSERT INTO grants ({GrantsTable.Columns}) VALUES ({GrantRows.Values});").WithGrant(grant));
                break;
            case ArchiveRecord.KeyUsageRow(var (key, usage)):
                Run(tx.Command($"INSERT INTO key_usage ({KeyUsageTable.Columns}) VALUES ({KeyRows.KeyUsageValues});").WithKeyUsage(key, usage));
                break;
            case ArchiveRecord.MetaRow(var name, var value):
                Run(tx.Command("INSERT INTO meta (name, value) VALUES ($name, $value);").With("$name", name).With("$value", value));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(record), record.GetType().Name, "Not an archive record type.");
        }
    }

    private static void Run(SqliteCommand command)
    {
        using (command)
        {
            command.ExecuteNonQuery();
        }
    }

#pragma warning disable CS1998 // The reads are synchronous (Microsoft.Data.Sqlite completes them inline); the stream is async for the port.
    private static async IAsyncEnumerable<ArchiveRecord> Rows(SqliteTransaction tx, [EnumeratorCancellation] CancellationToken ct)
#pragma warning restore CS1998
    {
        foreach (var row in Read(tx, $"SELECT {AccountsTable.Columns} FROM accounts ORDER BY account_id;",
            r => new ArchiveRecord.AccountRow(AccountsTable.Read(r))))
        {
            ct.ThrowIfCancellationRequested();
            yield return row;
        }
        // Keys of one principal made in the same millisecond keep their order (rowid), as IAM lists them.
        foreach (var row in Read(tx, $"SELECT {AccessKeysTable.Columns} FROM access_keys ORDER BY create_date, rowid;",
            r => new ArchiveRecord.AccessKeyRow(AccessKeysTable.Read(r))))
        {
            yield return row;
        }
        foreach (var row in Read(tx, $"SELECT {IamUsersTable.Columns} FROM iam_users ORDER BY account_id, user_name;",
            r => new ArchiveRecord.UserRow(IamUsersTable.Read(r))))
        {
            yield return row;
        }
        foreach (var row in Read(tx, $"SELECT {IamRolesTable.Columns} FROM iam_roles ORDER BY account_id, role_name;",
            r => new ArchiveRecord.RoleRow(IamRolesTable.Read(r))))
        {
            yield return row;
        }
        foreach (var (kind, table, column) in new[] { (PolicyOwnerKind.User, "iam_user_policies", "user_id"), (PolicyOwnerKind.Role, "iam_role_policies", "role_id") })
        {
            foreach (var row in Read(tx, $"SELECT {column}, policy_name, document FROM {table} ORDER BY {column}, policy_name;",
                r => new ArchiveRecord.PolicyRow(kind, r.GetString(0), new InlinePolicy(r.GetString(1), r.GetString(2)))))
            {
                yield return row;
            }
        }
        foreach (var row in ReadKeys(tx))
        {
            ct.ThrowIfCancellationRequested();
            yield return row;
        }
        foreach (var row in Read(tx, $"SELECT {AliasesTable.Columns} FROM aliases ORDER BY account_id, region, alias_name;",
            r => new ArchiveRecord.AliasRow(AliasesTable.Read(r))))
        {
            yield return row;
        }
        foreach (var row in Read(tx, $"SELECT {GrantsTable.Columns} FROM grants ORDER BY account_id, region, key_id, creation_date, grant_id;",
            r => new ArchiveRecord.GrantRow(GrantsTable.Read(r))))
        {
            yield return row;
        }
        foreach (var row in Read(tx, $"SELECT {KeyUsageTable.Columns} FROM key_usage ORDER BY account_id, region, key_id;",
            r => new ArchiveRecord.KeyUsageRow(KeyUsageTable.Read(r))))
        {
            yield return row;
        }
        foreach (var row in Read(tx, "SELECT name, value FROM meta ORDER BY name;", r => new ArchiveRecord.MetaRow(r.GetString(0), r.GetString(1))))
        {
            yield return row;
        }
    }

    private static IEnumerable<ArchiveRecord> ReadKeys(SqliteTransaction tx)
    {
        using var select = tx.Command(KeysWithMaterials.Select);
        using var row = select.ExecuteReader();
        var keys = new KeysWithMaterials();
        while (row.Read())
        {
            if (keys.Add(row) is { } completed)
            {
                yield return new ArchiveRecord.KeyRow(completed);
            }
        }
        if (keys.Finish() is { } last)
        {
            yield return new ArchiveRecord.KeyRow(last);
        }
    }

    private static IEnumerable<ArchiveRecord> Read(SqliteTransaction tx, string sql, Func<SqliteDataReader, ArchiveRecord> map)
    {
        using var select = tx.Command(sql);
        using var row = select.ExecuteReader();
        while (row.Read())
        {
            yield return map(row);
        }
    }

    private sealed class Snapshot(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            transaction.Dispose();
            connection.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
