using System.Data.Common;
using Trent.Core.Keys;

namespace Trent.Storage.Relational;

/// <summary>The <c>keys</c> table's columns and the mapping between its row and <see cref="KmsKey"/>.</summary>
public static class KeysTable
{
    /// <summary>The columns in the order <see cref="Read"/> expects: the primary key first, the row version last.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } =
    [
        "account_id", "region", "key_id",
        "creation_date", "description", "key_spec", "key_usage", "origin", "state", "deletion_date", "multi_region",
        "policy", "tags", "rotation_enabled", "rotation_period_in_days", "next_rotation_date", "current_material_id",
        "version",
    ];

    public static readonly string Columns = string.Join(", ", ColumnNames);

    /// <summary>Every column but the primary key and the row version: what an update sets.</summary>
    public static IEnumerable<string> MutableColumnNames => ColumnNames.Skip(3).SkipLast(1);

    public static KmsKey Read(DbDataReader row) => new()
    {
        Arn = ReadArn(row),
        CreationDate = row.GetDate(3),
        Description = row.GetString(4),
        KeySpec = row.GetEnum<KeySpec>(5),
        KeyUsage = row.GetEnum<KeyUsage>(6),
        Origin = row.GetEnum<KeyOrigin>(7),
        State = row.GetEnum<KeyState>(8),
        DeletionDate = row.GetNullableDate(9),
        MultiRegion = row.GetBoolean(10),
        Policy = row.GetString(11),
        Tags = StoredJson.KeyTags(row.GetString(12)),
        Rotation = new KeyRotationSettings(row.GetBoolean(13), row.GetInt32(14), row.GetNullableDate(15)),
        CurrentMaterialId = row.GetNullableString(16),
        Version = row.GetInt64(17),
    };

    public static void Bind(IColumnBinder to, KmsKey key)
    {
        BindArn(to, key.Arn);
        to.Int64("creation_date", UnixMillis.From(key.CreationDate));
        to.Text("description", key.Description);
        to.Text("key_spec", EnumNames.Of(key.KeySpec));
        to.Text("key_usage", EnumNames.Of(key.KeyUsage));
        to.Text("origin", EnumNames.Of(key.Origin));
        to.Text("state", EnumNames.Of(key.State));
        to.Int64("deletion_date", UnixMillis.From(key.DeletionDate));
        to.Boolean("multi_region", key.MultiRegion);
        to.Text("policy", key.Policy);
        to.Text("tags", StoredJson.Write(key.Tags));
        to.Boolean("rotation_enabled", key.Rotation.Enabled);
        to.Int32("rotation_period_in_days", key.Rotation.PeriodInDays);
        to.Int64("next_rotation_date", UnixMillis.From(key.Rotation.NextRotationDate));
        to.Text("current_material_id", key.CurrentMaterialId);
        to.Int64("version", key.Version);
    }

    /// <summary>Binds <c>account_id, region, key_id</c>: the key's primary key, which the tables that belong to a key share.</summary>
    public static void BindArn(IColumnBinder to, KeyArn arn)
    {
        to.Text("account_id", arn.AccountId);
        to.Text("region", arn.Region);
        to.Text("key_id", arn.KeyId);
    }

    /// <summary>Reads <c>account_id, region, key_id</c> from the first three columns.</summary>
    public static KeyArn ReadArn(DbDataReader row) => new(row.GetString(0), row.GetString(1), row.GetString(2));
}
