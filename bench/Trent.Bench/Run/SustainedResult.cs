namespace Trent.Bench.Run;

/// <summary>One reporting interval of a sustained run.</summary>
public sealed record SustainedInterval(double AtSeconds, double RequestsPerSecond, double P99Ms, long Errors, long RssBytes);

/// <summary>A sustained mixed-workload run: throughput over time, errors, and whether the server's memory grew.</summary>
public sealed record SustainedResult
{
    public required string Target { get; init; }
    public required double DurationSeconds { get; init; }
    public required int Connections { get; init; }
    public required IReadOnlyList<string> Operations { get; init; }
    public required long Requests { get; init; }
    public required long Errors { get; init; }
    public required long WarmupErrors { get; init; }
    public required double RequestsPerSecond { get; init; }
    public required double P99Ms { get; init; }
    public required double ServerCpuUsPerRequest { get; init; }

    /// <summary>RSS after the warm-up, and at the end of the measured duration.</summary>
    public required long RssStartBytes { get; init; }
    public required long RssEndBytes { get; init; }
    public required long RssPeakBytes { get; init; }
    public double RssGrowthPercent => RssStartBytes == 0 ? 0 : Math.Round(100.0 * (RssEndBytes - RssStartBytes) / RssStartBytes, 2);
    public required IReadOnlyList<SustainedInterval> Intervals { get; init; }
    public string? ErrorSample { get; init; }
}
