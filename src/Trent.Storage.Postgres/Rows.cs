using Npgsql;
using Trent.Core.Authorization.Grants;
using Trent.Core.Identity;
using Trent.Core.Identity.Iam;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Storage.Postgres;

/// <summary>The mapping between domain records and rows; each column is bound as a parameter of the same name.</summary>
internal static class Rows
{
    private static readonly string[] KeyColumnNames =
    [
        "account_id", "region", "key_id",
        "creation_date", "description", "key_spec", "key_usage", "origin", "state", "deletion_date", "multi_region",
        "policy", "tags", "rotation_enabled", "rotation_period_in_days", "next_rotation_date", "current_material_id",
        "version",
    ];

    /// <summary>The key columns in the order <see cref="ReadKey"/> expects.</summary>
    public static readonly string KeyColumns = string.Join(", ", KeyColumnNames);

    public static readonly int KeyColumnCount = KeyColumnNames.Length;

    public static readonly string KeyValues = string.Join(", ", KeyColumnNames.Select(c => "@" + c));

    /// <summary>SET assignments of every column but the primary key and the version.</summary>
    public static readonly string KeyAssignments = string.Join(", ", KeyColumnNames[3..^1].Select(c => $"{c} = @{c}"));

    public const string KeyMatches = "account_id = @account_id AND region = @region AND key_id = @key_id";

    public const string MaterialColumns = "material_id, created_at, rotation_type, sealed";

    public const string AliasColumns = "account_id, region, alias_name, target_key_id, creation_date, last_updated_date";

    public const string AliasValues = "@account_id, @region, @alias_name, @target_key_id, @creation_date, @last_updated_date";

    public const string AliasMatches = "account_id = @account_id AND region = @region AND alias_name = @alias_name";

    public const string AccessKeyColumns = "access_key_id, account_id, principal_arn, principal_type, user_id, sealed_secret, status, create_date";

    public const string AccessKeyValues = "@access_key_id, @account_id, @principal_arn, @principal_type, @user_id, @sealed_secret, @status, @create_date";

    public const string UserColumns = "account_id, user_name, user_id, path, arn, create_date, tags";

    public const string UserValues = "@account_id, @user_name, @user_id, @path, @arn, @create_date, @tags";

    public const string RoleColumns = "account_id, role_name, role_id, path, arn, assume_role_policy, description, max_session_duration, create_date, tags";

    public const string RoleValues =
        "@account_id, @role_name, @role_id, @path, @arn, @assume_role_policy, @description, @max_session_duration, @create_date, @tags";

    public const string GrantColumns =
        "account_id, region, key_id, grant_id, name, grantee_principal, retiring_principal, operations, constraint_type, constraint_pairs, creation_date";

    public const string GrantValues =
        "@account_id, @region, @key_id, @grant_id, @name, @grantee_principal, @retiring_principal, @operations, @constraint_type, @constraint_pairs, @creation_date";

    public const string KeyUsageColumns = "account_id, region, key_id, operation, used_at, event_id, request_id";

    public const string KeyUsageValues = "@account_id, @region, @key_id, @operation, @used_at, @event_id, @request_id";

    public static NpgsqlCommand WithArn(this NpgsqlCommand command, KeyArn arn) =>
        command.With("account_id", arn.AccountId).With("region", arn.Region).With("key_id", arn.KeyId);

    public static NpgsqlCommand WithKey(this NpgsqlCommand command, KmsKey key) =>
        command.WithArn(key.Arn)
            .With("creation_date", UnixMillis.From(key.CreationDate))
            .With("description", key.Description)
            .With("key_spec", EnumNames.Of(key.KeySpec))
            .With("key_usage", EnumNames.Of(key.KeyUsage))
            .With("origin", EnumNames.Of(key.Origin))
            .With("state", EnumNames.Of(key.State))
            .With("deletion_date", UnixMillis.From(key.DeletionDate))
            .With("multi_region", key.MultiRegion)
            .With("policy", key.Policy)
            .With("tags", StoredJson.Write(key.Tags))
            .With("rotation_enabled", key.Rotation.Enabled)
            .With("rotation_period_in_days", key.Rotation.PeriodInDays)
            .With("next_rotation_date", UnixMillis.From(key.Rotation.NextRotationDate))
            .With("current_material_id", key.CurrentMaterialId)
            .With("version", key.Version);

    public static KmsKey ReadKey(NpgsqlDataReader row) => new()
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

    /// <summary>Reads <c>account_id, region, key_id</c> from the first three columns.</summary>
    public static KeyArn ReadArn(NpgsqlDataReader row) => new(row.GetString(0), row.GetString(1), row.GetString(2));

    public static NpgsqlCommand WithMaterial(this NpgsqlCommand command, StoredMaterial material) =>
        command.With("material_id", material.Info.MaterialId)
            .With("created_at", UnixMillis.From(material.Info.CreatedAt))
            .With("rotation_type", EnumNames.Of(material.Info.RotationType))
            .With("sealed", material.SealedMaterial);

    /// <summary>Reads the <see cref="MaterialColumns"/> starting at column <paramref name="at"/>.</summary>
    public static StoredMaterial ReadMaterial(NpgsqlDataReader row, int at = 0) => new(
        new KeyMaterialInfo(row.GetString(at), row.GetDate(at + 1), row.IsDBNull(at + 2) ? null : row.GetEnum<RotationType>(at + 2)),
        row.GetBytes(at + 3));

    public static NpgsqlCommand WithAliasName(this NpgsqlCommand command, string accountId, string region, string aliasName) =>
        command.With("account_id", accountId).With("region", region).With("alias_name", aliasName);

    public static NpgsqlCommand WithAlias(this NpgsqlCommand command, KeyAlias alias) =>
        command.WithAliasName(alias.AccountId, alias.Region, alias.AliasName)
            .With("target_key_id", alias.TargetKeyId)
            .With("creation_date", UnixMillis.From(alias.CreationDate))
            .With("last_updated_date", UnixMillis.From(alias.LastUpdatedDate));

    public static KeyAlias ReadAlias(NpgsqlDataReader row) =>
        new(row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetDate(4), row.GetDate(5));

    public static NpgsqlCommand WithAccessKey(this NpgsqlCommand command, AccessKeyRecord key) => command
        .With("access_key_id", key.AccessKeyId)
        .With("account_id", key.AccountId)
        .With("principal_arn", key.PrincipalArn)
        .With("principal_type", EnumNames.Of(key.PrincipalType))
        .With("user_id", key.UserId)
        .With("sealed_secret", key.SealedSecret)
        .With("status", EnumNames.Of(key.Status))
        .With("create_date", UnixMillis.From(key.CreateDate));

    public static AccessKeyRecord ReadAccessKey(NpgsqlDataReader row) => new(
        row.GetString(0), row.GetString(1), row.GetString(2), row.GetEnum<PrincipalType>(3), row.GetString(4), row.GetBytes(5),
        row.GetEnum<AccessKeyStatus>(6), row.GetDate(7));

    public static Account ReadAccount(NpgsqlDataReader row) => new(row.GetString(0), row.GetDate(1));

    public static NpgsqlCommand WithUser(this NpgsqlCommand command, IamUser user) => command
        .With("account_id", user.AccountId)
        .With("user_name", user.UserName)
        .With("user_id", user.UserId)
        .With("path", user.Path)
        .With("arn", user.Arn)
        .With("create_date", UnixMillis.From(user.CreateDate))
        .With("tags", StoredJson.Write(user.Tags));

    public static NpgsqlCommand WithRole(this NpgsqlCommand command, IamRole role) => command
        .With("account_id", role.AccountId)
        .With("role_name", role.RoleName)
        .With("role_id", role.RoleId)
        .With("path", role.Path)
        .With("arn", role.Arn)
        .With("assume_role_policy", role.AssumeRolePolicyDocument)
        .With("description", role.Description)
        .With("max_session_duration", role.MaxSessionDuration)
        .With("create_date", UnixMillis.From(role.CreateDate))
        .With("tags", StoredJson.Write(role.Tags));

    public static IamUser ReadUser(NpgsqlDataReader row) => new(
        row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetString(4), row.GetDate(5), StoredJson.IamTags(row.GetString(6)));

    public static IamRole ReadRole(NpgsqlDataReader row) => new(
        row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetString(4), row.GetString(5),
        row.GetNullableString(6), row.GetInt32(7), row.GetDate(8), StoredJson.IamTags(row.GetString(9)));

    public static NpgsqlCommand WithGrant(this NpgsqlCommand command, Grant grant) =>
        command.WithArn(grant.KeyArn)
            .With("grant_id", grant.GrantId)
            .With("name", grant.Name)
            .With("grantee_principal", grant.GranteePrincipal)
            .With("retiring_principal", grant.RetiringPrincipal)
            .With("operations", StoredJson.Write(grant.Operations))
            .With("constraint_type", EnumNames.Of(grant.Constraints?.Type))
            .With("constraint_pairs", grant.Constraints is { } c ? StoredJson.Write(c.Pairs) : null)
            .With("creation_date", UnixMillis.From(grant.CreationDate));

    /// <summary>Binds a grant listing position as <c>@after_date</c> and <c>@after_id</c>.</summary>
    public static NpgsqlCommand WithPosition(this NpgsqlCommand command, GrantPosition? after) =>
        command.With("after_date", UnixMillis.From(after?.CreationDate)).With("after_id", after?.GrantId);

    public static Grant ReadGrant(NpgsqlDataReader row)
    {
        var constraintType = row.GetNullableString(8);
        return new Grant(
            row.GetString(3),
            new KeyArn(row.GetString(0), row.GetString(1), row.GetString(2)),
            row.GetString(5),
            row.GetNullableString(6),
            StoredJson.Operations(row.GetString(7)),
            constraintType is null ? null : new GrantConstraints(EnumNames.Parse<GrantConstraintType>(constraintType), StoredJson.Pairs(row.GetString(9))),
            row.GetNullableString(4),
            row.GetDate(10));
    }

    public static NpgsqlCommand WithKeyUsage(this NpgsqlCommand command, KeyArn key, Core.Audit.KeyLastUsage usage) =>
        command.WithArn(key)
            .With("operation", usage.Operation)
            .With("used_at", UnixMillis.From(usage.Timestamp))
            .With("event_id", usage.CloudTrailEventId)
            .With("request_id", usage.KmsRequestId);

    /// <summary>The tables and owner id column of a kind of inline policy.</summary>
    public static (string Policies, string Owners, string IdColumn) PolicyTables(PolicyOwnerKind kind) => kind switch
    {
        PolicyOwnerKind.User => ("iam_user_policies", "iam_users", "user_id"),
        PolicyOwnerKind.Role => ("iam_role_policies", "iam_roles", "role_id"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
