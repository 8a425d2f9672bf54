namespace Trent.Bench.Load;

/// <summary>What a closed-loop run observed: completed requests, failed ones, and the latency of all of them.</summary>
public sealed class LoadStats
{
    public long Requests { get; set; }

    /// <summary>Responses that were not 200 or lacked the expected field, plus broken connections.</summary>
    public long Errors { get; set; }

    public LatencyHistogram Latency { get; } = new();

    /// <summary>The first failure seen, for the report.</summary>
    public string? ErrorSample { get; set; }

    public void Add(LoadStats other)
    {
        Requests += other.Requests;
        Errors += other.Errors;
        Latency.Add(other.Latency);
        ErrorSample ??= other.ErrorSample;
    }

    public void Reset()
    {
        Requests = 0;
        Errors = 0;
        Latency.Reset();
        ErrorSample = null;
    }
}
