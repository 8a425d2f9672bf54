using System.Data.Common;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Storage.Relational;

/// <summary>
/// Every key with its material versions, read in one pass for an export: the join of <c>keys</c> and <c>key_materials</c>
/// (the same SQL in both backends) and the grouping of its rows into <see cref="StoredKey"/>s.
/// </summary>
public sealed class KeysWithMaterials
{
    // Ordered by key, then by ordinal, so that each key's rows come together with its versions in order.
    public static readonly string Select = $"""
        SELECT {Qualified("k", KeysTable.Columns)}, {Qualified("m", KeyMaterialsTable.Columns)}
        FROM keys k LEFT JOIN key_materials m USING (account_id, region, key_id)
        ORDER BY k.account_id, k.region, k.key_id, m.ordinal;
        """;

    private static readonly int MaterialAt = KeysTable.ColumnNames.Count;

    private KmsKey? key;
    private List<StoredMaterial> materials = [];

    /// <summary>Takes the next row of <see cref="Select"/>; returns the previous key, complete, when the row begins another.</summary>
    public StoredKey? Add(DbDataReader row)
    {
        StoredKey? completed = null;
        if (key is not null && key.Arn != KeysTable.ReadArn(row))
        {
            completed = new StoredKey(key, materials);
            key = null;
            materials = [];
        }
        key ??= KeysTable.Read(row);
        // A key without materials joins to one row of NULLs.
        if (!row.IsDBNull(MaterialAt))
        {
            materials.Add(KeyMaterialsTable.Read(row, MaterialAt));
        }
        return completed;
    }

    /// <summary>The last key, once every row has been taken; null when there were no rows.</summary>
    public StoredKey? Finish() => key is null ? null : new StoredKey(key, materials);

    private static string Qualified(string alias, string columns) => string.Join(", ", columns.Split(", ").Select(c => $"{alias}.{c}"));
}
