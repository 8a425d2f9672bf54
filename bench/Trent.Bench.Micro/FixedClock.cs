namespace Trent.Bench.Micro;

/// <summary>A clock stopped at one instant, so that a request signed once stays within SigV4's 5-minute window however long BenchmarkDotNet runs.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
