namespace Trent.Storage.Relational;

/// <summary>
/// Timestamps as both backends store them: 64-bit integer unix milliseconds, UTC. The domain's precision is the
/// millisecond; finer ticks are truncated on write and the offset is normalized to UTC, so a read-back value equals the
/// written instant to the millisecond.
/// </summary>
public static class UnixMillis
{
    public static long From(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static long? From(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    public static DateTimeOffset ToDate(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
