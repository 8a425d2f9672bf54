using Microsoft.Data.Sqlite;
using Trent.Core.Keys;

namespace Trent.Storage.Sqlite;

/// <summary>The mapping between <see cref="KeyAlias"/> records and their rows.</summary>
internal static class AliasRows
{
    /// <summary>The alias columns in the order <see cref="ReadAlias"/> expects; each is bound as a parameter of the same name.</summary>
    public const string Columns = "account_id, region, alias_name, target_key_id, creation_date, last_updated_date";

    public const string Values = "$account_id, $region, $alias_name, $target_key_id, $creation_date, $last_updated_date";

    public const string Matches = "account_id = $account_id AND region = $region AND alias_name = $alias_name";

    public static SqliteCommand WithAliasName(this SqliteCommand command, string accountId, string region, string aliasName) =>
        command.With("$account_id", accountId).With("$region", region).With("$alias_name", aliasName);

    public static SqliteCommand WithAlias(this SqliteCommand command, KeyAlias alias) =>
        command.WithAliasName(alias.AccountId, alias.Region, alias.AliasName)
            .With("$target_key_id", alias.TargetKeyId)
            .With("$creation_date", UnixMillis.From(alias.CreationDate))
            .With("$last_updated_date", UnixMillis.From(alias.LastUpdatedDate));

    public static KeyAlias ReadAlias(SqliteDataReader row) =>
        new(row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetDate(4), row.GetDate(5));
}
