namespace Trent.Bench.Run;

/// <summary>One target's numbers in one (operation, connections) cell, as printed and written to JSON.</summary>
public sealed record CellResult
{
    public required string Operation { get; init; }
    public required int Connections { get; init; }
    public required string Target { get; init; }
    public required string Kind { get; init; }
    public required int Keys { get; init; }

    /// <summary>False when the target lacks the operation (n/a); <see cref="Reason"/> says what it answered.</summary>
    public bool Available { get; init; } = true;
    public string? Reason { get; init; }

    public long Requests { get; init; }
    public long Errors { get; init; }
    public double Seconds { get; init; }
    public double RequestsPerSecond { get; init; }
    public double P50Ms { get; init; }
    public double P99Ms { get; init; }
    public double P999Ms { get; init; }
    public double MaxMs { get; init; }
    public double MeanMs { get; init; }

    /// <summary>The server process's user+system CPU time during the measured rounds, per request.</summary>
    public double ServerCpuUsPerRequest { get; init; }

    /// <summary>The load generator's own CPU per request: on a small machine it shares the cores with the server.</summary>
    public double ClientCpuUsPerRequest { get; init; }

    /// <summary>Trent's storage calls during the measured rounds (after warm-up); null for other targets.</summary>
    public long? StorageCalls { get; init; }

    public string? ErrorSample { get; init; }
}
