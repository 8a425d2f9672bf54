using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Data.Sqlite;
using Trent.Core.Authorization.Grants;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Storage.Sqlite;

/// <summary>The mapping between <see cref="Grant"/> records and their rows.</summary>
internal static class GrantRows
{
    /// <summary>The grant columns in the order <see cref="ReadGrant"/> expects; each is bound as a parameter of the same name.</summary>
    public const string Columns =
        "account_id, region, key_id, grant_id, name, grantee_principal, retiring_principal, operations, constraint_type, constraint_pairs, creation_date";

    public const string Values =
        "$account_id, $region, $key_id, $grant_id, $name, $grantee_principal, $retiring_principal, $operations, $constraint_type, $constraint_pairs, $creation_date";

    public const string KeyMatches = "account_id = $account_id AND region = $region AND key_id = $key_id";

    public static SqliteCommand WithGrant(this SqliteCommand command, Grant grant) =>
        command.WithArn(grant.KeyArn)
            .With("$grant_id", grant.GrantId)
            .With("$name", grant.Name)
            .With("$grantee_principal", grant.GranteePrincipal)
            .With("$retiring_principal", grant.RetiringPrincipal)
            .With("$operations", JsonSerializer.Serialize(grant.Operations, GrantsJsonContext.Default.IReadOnlyListString))
            .With("$constraint_type", EnumNames.Of(grant.Constraints?.Type))
            .With("$constraint_pairs", grant.Constraints is { } c ? JsonSerializer.Serialize(c.Pairs, GrantsJsonContext.Default.IReadOnlyDictionaryStringString) : null)
            .With("$creation_date", UnixMillis.From(grant.CreationDate));

    /// <summary>Binds a listing position as <c>$after_date</c> and <c>$after_id</c>.</summary>
    public static SqliteCommand WithPosition(this SqliteCommand command, GrantPosition? after) =>
        command.With("$after_date", UnixMillis.From(after?.CreationDate)).With("$after_id", after?.GrantId);

    public static Grant ReadGrant(SqliteDataReader row)
    {
        var constraintType = row.GetNullableString(8);
        return new Grant(
            row.GetString(3),
            new KeyArn(row.GetString(0), row.GetString(1), row.GetString(2)),
            row.GetString(5),
            row.GetNullableString(6),
            Read(row.GetString(7), GrantsJsonContext.Default.IReadOnlyListString),
            constraintType is null
                ? null
                : new GrantConstraints(EnumNames.Parse<GrantConstraintType>(constraintType), Read(row.GetString(9), GrantsJsonContext.Default.IReadOnlyDictionaryStringString)),
            row.GetNullableString(4),
            row.GetDate(10));
    }

    private static T Read<T>(string json, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(json, type) ?? throw new InvalidDataException("A stored grant column holds JSON null.");
}

// A stored operation or pair holding null is corrupt, not empty.
[JsonSourceGenerationOptions(RespectNullableAnnotations = true)]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class GrantsJsonContext : JsonSerializerContext;
