using System.Data.Common;
using Trent.Core.Authorization.Grants;
using Trent.Core.Keys;

namespace Trent.Storage.Relational;

/// <summary>The <c>grants</c> table's columns and the mapping between its row and <see cref="Grant"/>.</summary>
public static class GrantsTable
{
    /// <summary>The columns in the order <see cref="Read"/> expects.</summary>
    public const string Columns =
        "account_id, region, key_id, grant_id, name, grantee_principal, retiring_principal, operations, constraint_type, constraint_pairs, creation_date";

    public static void Bind(IColumnBinder to, Grant grant)
    {
        KeysTable.BindArn(to, grant.KeyArn);
        to.Text("grant_id", grant.GrantId);
        to.Text("name", grant.Name);
        to.Text("grantee_principal", grant.GranteePrincipal);
        to.Text("retiring_principal", grant.RetiringPrincipal);
        to.Text("operations", StoredJson.Write(grant.Operations));
        to.Text("constraint_type", EnumNames.Of(grant.Constraints?.Type));
        to.Text("constraint_pairs", grant.Constraints is { } c ? StoredJson.Write(c.Pairs) : null);
        to.Int64("creation_date", UnixMillis.From(grant.CreationDate));
    }

    public static Grant Read(DbDataReader row)
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
}
