namespace Trent.Storage.Sqlite;

/// <summary>
/// Timestamps as stored: INTEGER unix milliseconds, UTC. The domain's precision is the millisecond; finer ticks are
/// truncated on write and the offset is normalized to UTC, so a read-back value equals the written instant to the millisecond.
/// </summary>
internal static class UnixMillis
{
    public static long From(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static long? From(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    public static DateTimeOffset ToDate(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
