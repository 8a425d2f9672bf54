using System.Data.Common;
using Trent.Core.Identity.Iam;

namespace Trent.Storage.Relational;

/// <summary>The <c>iam_roles</c> table's columns and the mapping between its row and <see cref="IamRole"/>.</summary>
public static class IamRolesTable
{
    /// <summary>The columns in the order <see cref="Read"/> expects.</summary>
    public const string Columns =
        "account_id, role_name, role_id, path, arn, assume_role_policy, description, max_session_duration, create_date, tags";

    public static void Bind(IColumnBinder to, IamRole role)
    {
        to.Text("account_id", role.AccountId);
        to.Text("role_name", role.RoleName);
        to.Text("role_id", role.RoleId);
        to.Text("path", role.Path);
        to.Text("arn", role.Arn);
        to.Text("assume_role_policy", role.AssumeRolePolicyDocument);
        to.Text("description", role.Description);
        to.Int32("max_session_duration", role.MaxSessionDuration);
        to.Int64("create_date", UnixMillis.From(role.CreateDate));
        to.Text("tags", StoredJson.Write(role.Tags));
    }

    public static IamRole Read(DbDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetString(2),
        row.GetString(3),
        row.GetString(4),
        row.GetString(5),
        row.GetNullableString(6),
        row.GetInt32(7),
        row.GetDate(8),
        StoredJson.IamTags(row.GetString(9)));
}
