using System.Data.Common;
using Trent.Core.Keys;

namespace Trent.Storage.Relational;

/// <summary>The <c>aliases</c> table's columns and the mapping between its row and <see cref="KeyAlias"/>.</summary>
public static class AliasesTable
{
    /// <summary>The columns in the order <see cref="Read"/> expects.</summary>
    public const string Columns = "account_id, region, alias_name, target_key_id, creation_date, last_updated_date";

    public static void Bind(IColumnBinder to, KeyAlias alias)
    {
        BindName(to, alias.AccountId, alias.Region, alias.AliasName);
        to.Text("target_key_id", alias.TargetKeyId);
        to.Int64("creation_date", UnixMillis.From(alias.CreationDate));
        to.Int64("last_updated_date", UnixMillis.From(alias.LastUpdatedDate));
    }

    /// <summary>Binds the primary key: <c>account_id, region, alias_name</c>.</summary>
    public static void BindName(IColumnBinder to, string accountId, string region, string aliasName)
    {
        to.Text("account_id", accountId);
        to.Text("region", region);
        to.Text("alias_name", aliasName);
    }

    public static KeyAlias Read(DbDataReader row) =>
        new(row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetDate(4), row.GetDate(5));
}
