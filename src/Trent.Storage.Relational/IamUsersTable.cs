using System.Data.Common;
using Trent.Core.Identity.Iam;

namespace Trent.Storage.Relational;

/// <summary>The <c>iam_users</c> table's columns and the mapping between its row and <see cref="IamUser"/>.</summary>
public static class IamUsersTable
{
    /// <summary>The columns in the order <see cref="Read"/> expects.</summary>
    public const string Columns = "account_id, user_name, user_id, path, arn, create_date, tags";

    public static void Bind(IColumnBinder to, IamUser user)
    {
        to.Text("account_id", user.AccountId);
        to.Text("user_name", user.UserName);
        to.Text("user_id", user.UserId);
        to.Text("path", user.Path);
        to.Text("arn", user.Arn);
        to.Int64("create_date", UnixMillis.From(user.CreateDate));
        to.Text("tags", StoredJson.Write(user.Tags));
    }

    public static IamUser Read(DbDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetString(2),
        row.GetString(3),
        row.GetString(4),
        row.GetDate(5),
        StoredJson.IamTags(row.GetString(6)));
}
