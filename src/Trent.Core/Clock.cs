namespace Trent.Core;

/// <summary>Domain time: the store keeps milliseconds, so the domain never holds a finer instant than it can persist.</summary>
public static class Clock
{
    public static DateTimeOffset UtcNowMillis(this TimeProvider clock) =>
        DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
}
