using System.Data;
using System.Runtime.CompilerServices;
using Npgsql;
using Trent.Core.Identity.Iam;
using Trent.Core.Storage;

namespace Trent.Storage.Postgres;

/// <summary>Every row of the schema, out in one repeatable-read snapshot and in with one transaction.</summary>
internal sealed class PostgresArchive(PostgresDatabase database) : IStoreArchive
{
    // Counting and sorting every row of a large store may take far longer than the statement timeout that bounds requests.
    private const int ExportStatementTimeoutSeconds = 3600;

    private const string CountAll = """
        SELECT (SELECT COUNT(*) FROM accounts) + (SELECT COUNT(*) FROM access_keys) + (SELECT COUNT(*) FROM iam_users)
             + (SELECT COUNT(*) FROM iam_roles) + (SELECT COUNT(*) FROM iam_user_policies) + (SELECT COUNT(*) FROM iam_role_policies)
             + (SELECT COUNT(*) FROM keys) + (SELECT COUNT(*) FROM aliases) + (SELECT COUNT(*) FROM grants)
             + (SELECT COUNT(*) FROM key_usage) + (SELECT COUNT(*) FROM meta);
        """;

    public async ValueTask<StoreExport> ExportAsync(CancellationToken ct = default)
    {
        var connection = await database.Source.OpenConnectionAsync(ct);
        try
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            var tx = new PostgresTx(connection, transaction);
            var total = await Export(tx, CountAll).ScalarAsync<long>(ct);
            return new StoreExport(total, RowsAsync(tx, ct), new Snapshot(connection, transaction));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public ValueTask ImportAsync(IAsyncEnumerable<ArchiveRecord> records, CancellationToken ct = default) =>
        new(database.WriteAsync(async tx =>
        {
            var holdsData = await tx.Command("SELECT EXISTS (SELECT 1 FROM accounts) OR EXISTS (SELECT 1 FROM keys) OR EXISTS (SELECT 1 FROM meta);")
                .ScalarAsync<bool>(ct);
            if (holdsData)
            {
                throw new StoreNotEmptyException(
                    $"The PostgreSQL schema {database.Identity.Schema} already holds data; restore only into an empty one.");
            }
            await foreach (var record in records.WithCancellation(ct))
            {
                await InsertAsync(tx, record, ct);
            }
        }, ct));

    private static async Task InsertAsync(PostgresTx tx, ArchiveRecord record, CancellationToken ct)
    {
        switch (record)
        {
            case ArchiveRecord.AccountRow(var account):
                await tx.Command($"INSERT INTO accounts ({AccountsTable.Columns}) VALUES ({Rows.AccountValues});").WithAccount(account).RunAsync(ct);
                break;
            case ArchiveRecord.AccessKeyRow(var key):
                await tx.Command($"INSERT INTO access_keys ({AccessKeysTable.Columns}) VALUES ({Rows.AccessKeyValues});").WithAccessKey(key).RunAsync(ct);
                break;
            case ArchiveRecord.UserRow(var user):
                await tx.Command($"INSERT INTO iam_users ({IamUsersTable.Columns}) VALUES ({Rows.UserValues});").WithUser(user).RunAsync(ct);
                break;
            case ArchiveRecord.RoleRow(var role):
                await tx.Command($"INSERT INTO iam_roles ({IamRolesTable.Columns}) VALUES ({Rows.RoleValues});").WithRole(role).RunAsync(ct);
                break;
            case ArchiveRecord.PolicyRow(var kind, var ownerId, var policy):
                var (table, _, column) = Rows.PolicyTables(kind);
                await tx.Command($"INSERT INTO {table} ({column}, policy_name, document) VALUES (@owner_id, @policy_name, @document);")
                    .With("owner_id", ownerId).With("policy_name", policy.PolicyName).With("document", policy.Document).RunAsync(ct);
                break;
            case ArchiveRecord.KeyRow(var stored):
                await tx.Command($"INSERT INTO keys ({KeysTable.Columns}) VALUES ({Rows.KeyValues});").WithKey(stored.Key).RunAsync(ct);
                for (var i = 0; i < stored.Materials.Count; i++)
                {
                    await tx.Command($"""
                        INSERT INTO key_materials (account_id, region, key_id, ordinal, {KeyMaterialsTable.Columns})
                        VALUES (@account_id, @region, @key_id, @ordinal, @material_id, @created_at, @rotation_type, @sealed);
                        """).WithArn(stored.Key.Arn).With("ordinal", i + 1).WithMaterial(stored.Materials[i]).RunAsync(ct);
                }
                break;
            case ArchiveRecord.AliasRow(var alias):
                await tx.Command($"INSERT INTO aliases ({AliasesTable.Columns}) VALUES ({Rows.AliasValues});").WithAlias(alias).RunAsync(ct);
                break;
            case ArchiveRecord.GrantRow(var grant):
                await tx.Command($"INSERT INTO grants ({GrantsTable.Columns}) VALUES ({Rows.GrantValues});").WithGrant(grant).RunAsync(ct);
                break;
            case ArchiveRecord.KeyUsageRow(var (key, usage)):
                await tx.Command($"INSERT INTO key_usage ({KeyUsageTable.Columns}) VALUES ({Rows.KeyUsageValues});").WithKeyUsage(key, usage).RunAsync(ct);
                break;
            case ArchiveRecord.MetaRow(var name, var value):
                await tx.Command("INSERT INTO meta (name, value) VALUES (@name, @value);").With("name", name).With("value", value).RunAsync(ct);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(record), record.GetType().Name, "Not an archive record type.");
        }
    }

    private static async IAsyncEnumerable<ArchiveRecord> RowsAsync(PostgresTx tx, [EnumeratorCancellation] CancellationToken ct)
    {
        var queries = new (string Sql, Func<NpgsqlDataReader, ArchiveRecord> Map)[]
        {
            ($"SELECT {AccountsTable.Columns} FROM accounts ORDER BY account_id;", r => new ArchiveRecord.AccountRow(AccountsTable.Read(r))),
            // A principal's keys made in the same millisecond keep their order, as IAM lists them.
            ($"SELECT {AccessKeysTable.Columns} FROM access_keys ORDER BY create_date, seq;", r => new ArchiveRecord.AccessKeyRow(AccessKeysTable.Read(r))),
            ($"SELECT {IamUsersTable.Columns} FROM iam_users ORDER BY account_id, user_key;", r => new ArchiveRecord.UserRow(IamUsersTable.Read(r))),
            ($"SELECT {IamRolesTable.Columns} FROM iam_roles ORDER BY account_id, role_key;", r => new ArchiveRecord.RoleRow(IamRolesTable.Read(r))),
            ("SELECT user_id, policy_name, document FROM iam_user_policies ORDER BY user_id, policy_key;",
                r => new ArchiveRecord.PolicyRow(PolicyOwnerKind.User, r.GetString(0), new InlinePolicy(r.GetString(1), r.GetString(2)))),
            ("SELECT role_id, policy_name, document FROM iam_role_policies ORDER BY role_id, policy_key;",
                r => new ArchiveRecord.PolicyRow(PolicyOwnerKind.Role, r.GetString(0), new InlinePolicy(r.GetString(1), r.GetString(2)))),
        };
        foreach (var (sql, map) in queries)
        {
            await foreach (var row in ReadAsync(tx, sql, map, ct))
            {
                yield return row;
            }
        }
        await foreach (var row in ReadKeysAsync(tx, ct))
        {
            yield return row;
        }
        var rest = new (string Sql, Func<NpgsqlDataReader, ArchiveRecord> Map)[]
        {
            ($"SELECT {AliasesTable.Columns} FROM aliases ORDER BY account_id, region, alias_name;", r => new ArchiveRecord.AliasRow(AliasesTable.Read(r))),
            ($"SELECT {GrantsTable.Columns} FROM grants ORDER BY account_id, region, key_id, creation_date, grant_id;",
                r => new ArchiveRecord.GrantRow(GrantsTable.Read(r))),
            ($"SELECT {KeyUsageTable.Columns} FROM key_usage ORDER BY account_id, region, key_id;",
                r => new ArchiveRecord.KeyUsageRow(KeyUsageTable.Read(r))),
            ("SELECT name, value FROM meta ORDER BY name;", r => new ArchiveRecord.MetaRow(r.GetString(0), r.GetString(1))),
        };
        foreach (var (sql, map) in rest)
        {
            await foreach (var row in ReadAsync(tx, sql, map, ct))
            {
                yield return row;
            }
        }
    }

    private static async IAsyncEnumerable<ArchiveRecord> ReadKeysAsync(PostgresTx tx, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var select = Export(tx, KeysWithMaterials.Select);
        await using var row = await select.ExecuteReaderAsync(ct);
        var keys = new KeysWithMaterials();
        while (await row.ReadAsync(ct))
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

    private static async IAsyncEnumerable<ArchiveRecord> ReadAsync(
        PostgresTx tx, string sql, Func<NpgsqlDataReader, ArchiveRecord> map, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var select = Export(tx, sql);
        await using var row = await select.ExecuteReaderAsync(ct);
        while (await row.ReadAsync(ct))
        {
            yield return map(row);
        }
    }

    private static NpgsqlCommand Export(PostgresTx tx, string sql)
    {
        var command = tx.Command(sql);
        command.CommandTimeout = ExportStatementTimeoutSeconds;
        return command;
    }

    private sealed class Snapshot(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
