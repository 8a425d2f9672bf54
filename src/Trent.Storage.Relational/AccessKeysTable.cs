using System.Data.Common;
using Trent.Core.Identity;

namespace Trent.Storage.Relational;

/// <summary>The <c>access_keys</c> table's columns and the mapping between its row and <see cref="AccessKeyRecord"/>.</summary>
public static class AccessKeysTable
{
    /// <summary>The columns in the order <see cref="Read"/> expects.</summary>
    public const string Columns = "access_key_id, account_id, principal_arn, principal_type, user_id, sealed_secret, status, create_date";

    public static void Bind(IColumnBinder to, AccessKeyRecord key)
    {
        to.Text("access_key_id", key.AccessKeyId);
        to.Text("account_id", key.AccountId);
        to.Text("principal_arn", key.PrincipalArn);
        to.Text("principal_type", EnumNames.Of(key.PrincipalType));
        to.Text("user_id", key.UserId);
        to.Bytes("sealed_secret", key.SealedSecret);
        to.Text("status", EnumNames.Of(key.Status));
        to.Int64("create_date", UnixMillis.From(key.CreateDate));
    }

    public static AccessKeyRecord Read(DbDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetString(2),
        row.GetEnum<PrincipalType>(3),
        row.GetString(4),
        row.GetBytes(5),
        row.GetEnum<AccessKeyStatus>(6),
        row.GetDate(7));
}
