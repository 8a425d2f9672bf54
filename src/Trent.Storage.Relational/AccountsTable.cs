using System.Data.Common;
using Trent.Core.Identity;

namespace Trent.Storage.Relational;

/// <summary>The <c>accounts</c> table's columns and the mapping between its row and <see cref="Account"/>.</summary>
public static class AccountsTable
{
    /// <summary>The columns in the order <see cref="Read"/> expects.</summary>
    public const string Columns = "account_id, created_at";

    public static void Bind(IColumnBinder to, Account account)
    {
        to.Text("account_id", account.AccountId);
        to.Int64("created_at", UnixMillis.From(account.CreatedAt));
    }

    public static Account Read(DbDataReader row) => new(row.GetString(0), row.GetDate(1));
}
