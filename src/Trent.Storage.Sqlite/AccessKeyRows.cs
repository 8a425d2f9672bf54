using Microsoft.Data.Sqlite;
using Trent.Core.Identity;

namespace Trent.Storage.Sqlite;

/// <summary>The access_keys columns and their mapping to <see cref="AccessKeyRecord"/>, shared by the identity and IAM stores.</summary>
internal static class AccessKeyRows
{
    public const string Columns = "access_key_id, account_id, principal_arn, principal_type, user_id, sealed_secret, status, create_date";

    public const string Values = "$access_key_id, $account_id, $principal_arn, $principal_type, $user_id, $sealed_secret, $status, $create_date";

    public static SqliteCommand WithAccessKey(this SqliteCommand command, AccessKeyRecord key) => command
        .With("$access_key_id", key.AccessKeyId)
        .With("$account_id", key.AccountId)
        .With("$principal_arn", key.PrincipalArn)
        .With("$principal_type", EnumNames.Of(key.PrincipalType))
        .With("$user_id", key.UserId)
        .With("$sealed_secret", key.SealedSecret)
        .With("$status", EnumNames.Of(key.Status))
        .With("$create_date", UnixMillis.From(key.CreateDate));

    public static AccessKeyRecord Read(SqliteDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetString(2),
        row.GetEnum<PrincipalType>(3),
        row.GetString(4),
        row.GetBytes(5),
        row.GetEnum<AccessKeyStatus>(6),
        row.GetDate(7));
}
