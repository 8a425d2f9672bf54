using System.Diagnostics;
using System.Numerics;

namespace Trent.Bench.Load;

/// <summary>
/// An HDR-style latency histogram in nanoseconds: exact below 128 ns, then 128 linear sub-buckets per power of two,
/// so every recorded value is kept within 0.8% at constant cost and 64 KiB of memory. Not thread-safe: each load
/// worker records into its own and the results are merged.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBits = 7;
    private const int SubCount = 1 << SubBits;
    private static readonly double NanosPerTick = 1e9 / Stopwatch.Frequency;

    private readonly long[] _counts = new long[64 * SubCount];

    public long Count { get; private set; }

    public long MaxNanos { get; private set; }

    public double SumNanos { get; private set; }

    public void RecordTicks(long ticks) => Record((long)(ticks * NanosPerTick));

    public void Record(long nanos)
    {
        nanos = Math.Max(nanos, 0);
        _counts[Index(nanos)]++;
        Count++;
        SumNanos += nanos;
        MaxNanos = Math.Max(MaxNanos, nanos);
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }
        Count += other.Count;
        SumNanos += other.SumNanos;
        MaxNanos = Math.Max(MaxNanos, other.MaxNanos);
    }

    public void Reset()
    {
        Array.Clear(_counts);
        Count = 0;
        SumNanos = 0;
        MaxNanos = 0;
    }

    /// <summary>The value at a percentile (0-100), reported as the highest value of its bucket, as HdrHistogram does.</summary>
    public long PercentileNanos(double percentile)
    {
        if (Count == 0)
        {
            return 0;
        }
        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100.0 * Count));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return Math.Min(HighestInBucket(i), MaxNanos);
            }
        }
        return MaxNanos;
    }

    private static int Index(long value)
    {
        if (value < SubCount)
        {
            return (int)value;
        }
        var shift = 63 - BitOperations.LeadingZeroCount((ulong)value) - SubBits;
        return (shift + 1) * SubCount + (int)(value >> shift) - SubCount;
    }

    private static long HighestInBucket(int index)
    {
        if (index < SubCount)
        {
            return index;
        }
        var shift = index / SubCount - 1;
        var lowest = (long)(index % SubCount + SubCount) << shift;
        return lowest + (1L << shift) - 1;
    }
}
