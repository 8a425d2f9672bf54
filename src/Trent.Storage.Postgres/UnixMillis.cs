namespace Trent.Storage.Postgres;

/// <summary>
/// Timestamps as stored: bigint unix milliseconds, UTC, as in the SQLite store. The domain's precision is the
/// millisecond; finer ticks are truncated on write, so a read-back value equals the written instant to the millisecond.
/// </summary>
internal static class UnixMillis
{
    public static long From(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static long? From(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    public static DateTimeOffset ToDate(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
