using Microsoft.Data.Sqlite;
using Trent.Core.Audit;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Storage.Sqlite;

/// <summary>
/// Binding keys, their materials and their usage as parameters: each column of <see cref="KeysTable"/>,
/// <see cref="KeyMaterialsTable"/> and <see cref="KeyUsageTable"/> as a parameter of the same name.
/// </summary>
internal static class KeyRows
{
    public static readonly string KeyValues = SqliteCommands.Parameters(KeysTable.Columns);

    /// <summary>SET assignments of every column but the primary key and the version.</summary>
    public static readonly string KeyAssignments = string.Join(", ", KeysTable.MutableColumnNames.Select(c => $"{c} = ${c}"));

    public static readonly string KeyUsageValues = SqliteCommands.Parameters(KeyUsageTable.Columns);

    public const string KeyMatches = "account_id = $account_id AND region = $region AND key_id = $key_id";

    public static SqliteCommand WithArn(this SqliteCommand command, KeyArn arn) => command.Bind(to => KeysTable.BindArn(to, arn));

    public static SqliteCommand WithKey(this SqliteCommand command, KmsKey key) => command.Bind(to => KeysTable.Bind(to, key));

    public static SqliteCommand WithMaterial(this SqliteCommand command, StoredMaterial material) =>
        command.Bind(to => KeyMaterialsTable.Bind(to, material));

    public static SqliteCommand WithKeyUsage(this SqliteCommand command, KeyArn key, KeyLastUsage usage) =>
        command.Bind(to => KeyUsageTable.Bind(to, key, usage));
}
