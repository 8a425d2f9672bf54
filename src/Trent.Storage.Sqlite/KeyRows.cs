using Microsoft.Data.Sqlite;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Storage.Sqlite;

/// <summary>The mapping between <see cref="KmsKey"/> and <see cref="StoredMaterial"/> records and their rows.</summary>
internal static class KeyRows
{
    private static readonly string[] KeyColumnNames =
    [
        "account_id", "region", "key_id",
        "creation_date", "description", "key_spec", "key_usage", "origin", "state", "deletion_date", "multi_region",
        "policy", "tags", "rotation_enabled", "rotation_period_in_days", "next_rotation_date", "current_material_id",
        "version",
    ];

    /// <summary>The key columns in the order <see cref="ReadKey"/> expects; each is bound as a parameter of the same name.</summary>
    public static readonly string KeyColumns = string.Join(", ", KeyColumnNames);

    public static readonly string KeyValues = string.Join(", ", KeyColumnNames.Select(c => "$" + c));

    /// <summary>SET assignments of every column but the primary key and the version.</summary>
    public static readonly string KeyAssignments = string.Join(", ", KeyColumnNames[3..^1].Select(c => $"{c} = ${c}"));

    public const string KeyMatches = "account_id = $account_id AND region = $region AND key_id = $key_id";

    public const string MaterialColumns = "material_id, created_at, rotation_type, sealed";

    public static SqliteCommand WithArn(this SqliteCommand command, KeyArn arn) =>
        command.With("$account_id", arn.AccountId).With("$region", arn.Region).With("$key_id", arn.KeyId);

    public static SqliteCommand WithKey(this SqliteCommand command, KmsKey key) =>
        command.WithArn(key.Arn)
            .With("$creation_date", UnixMillis.From(key.CreationDate))
            .With("$description", key.Description)
            .With("$key_spec", EnumNames.Of(key.KeySpec))
            .With("$key_usage", EnumNames.Of(key.KeyUsage))
            .With("$origin", EnumNames.Of(key.Origin))
            .With("$state", EnumNames.Of(key.State))
            .With("$deletion_date", UnixMillis.From(key.DeletionDate))
            .With("$multi_region", key.MultiRegion)
            .With("$policy", key.Policy)
            .With("$tags", TagsJson.Write(key.Tags))
            .With("$rotation_enabled", key.Rotation.Enabled)
            .With("$rotation_period_in_days", key.Rotation.PeriodInDays)
            .With("$next_rotation_date", UnixMillis.From(key.Rotation.NextRotationDate))
            .With("$current_material_id", key.CurrentMaterialId)
            .With("$version", key.Version);

    public static KmsKey ReadKey(SqliteDataReader row) => new()
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
        Tags = TagsJson.Read(row.GetString(12)),
        Rotation = new KeyRotationSettings(row.GetBoolean(13), row.GetInt32(14), row.GetNullableDate(15)),
        CurrentMaterialId = row.GetNullableString(16),
        Version = row.GetInt64(17),
    };

    /// <summary>Reads <c>account_id, region, key_id</c> from the first three columns.</summary>
    public static KeyArn ReadArn(SqliteDataReader row) => new(row.GetString(0), row.GetString(1), row.GetString(2));

    public static SqliteCommand WithMaterial(this SqliteCommand command, StoredMaterial material) =>
        command.With("$material_id", material.Info.MaterialId)
            .With("$created_at", UnixMillis.From(material.Info.CreatedAt))
            .With("$rotation_type", EnumNames.Of(material.Info.RotationType))
            .With("$sealed", material.SealedMaterial);

    /// <summary>Reads a row of <see cref="MaterialColumns"/>.</summary>
    public static StoredMaterial ReadMaterial(SqliteDataReader row) => new(
        new KeyMaterialInfo(row.GetString(0), row.GetDate(1), row.IsDBNull(2) ? null : row.GetEnum<RotationType>(2)),
        row.GetBytes(3));
}
