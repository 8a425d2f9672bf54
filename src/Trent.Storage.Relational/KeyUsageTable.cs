using System.Data.Common;
using Trent.Core.Audit;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Storage.Relational;

/// <summary>The <c>key_usage</c> table's columns and the mapping between its row and <see cref="KeyUsageRecord"/>.</summary>
public static class KeyUsageTable
{
    /// <summary>The usage columns, after the key's, in the order <see cref="ReadUsage"/> expects.</summary>
    public const string UsageColumns = "operation, used_at, event_id, request_id";

    /// <summary>The columns in the order <see cref="Read"/> expects.</summary>
    public const string Columns = "account_id, region, key_id, " + UsageColumns;

    public static void Bind(IColumnBinder to, KeyArn key, KeyLastUsage usage)
    {
        KeysTable.BindArn(to, key);
        to.Text("operation", usage.Operation);
        to.Int64("used_at", UnixMillis.From(usage.Timestamp));
        to.Text("event_id", usage.CloudTrailEventId);
        to.Text("request_id", usage.KmsRequestId);
    }

    public static KeyUsageRecord Read(DbDataReader row) => new(KeysTable.ReadArn(row), ReadUsage(row, 3));

    /// <summary>Reads the <see cref="UsageColumns"/> starting at column <paramref name="at"/>.</summary>
    public static KeyLastUsage ReadUsage(DbDataReader row, int at) =>
        new(row.GetString(at), row.GetDate(at + 1), row.GetString(at + 2), row.GetString(at + 3));
}
