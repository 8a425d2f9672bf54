using Trent.Bench.Servers;
using Trent.Bench.Workload;

namespace Trent.Bench.Run;

/// <summary>What to measure and for how long.</summary>
public sealed record BenchOptions
{
    /// <summary>Measured time per target in each (operation, connections) cell, split into alternating rounds.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Length of one round: targets take turns this long each, so that the machine's drift hits all alike.</summary>
    public TimeSpan Round { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Unrecorded load per target before each cell (JIT, caches, connection pools).</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(1);

    public IReadOnlyList<int> Connections { get; init; } = [1, 8, 64];

    public IReadOnlyList<BenchOperation> Operations { get; init; } =
        [BenchOperation.Encrypt, BenchOperation.Decrypt, BenchOperation.GenerateDataKey, BenchOperation.DescribeKey, BenchOperation.Sign, BenchOperation.GenerateMac];

    public IReadOnlyList<TargetKind> Targets { get; init; } = [TargetKind.Trent, TargetKind.Moto, TargetKind.Ceiling];

    /// <summary>Symmetric keys per store. Several counts start one Trent per count, measured side by side; moto and the ceiling use the first.</summary>
    public IReadOnlyList<int> Keys { get; init; } = [10];

    public string? JsonPath { get; init; }

    /// <summary>Exit non-zero when a target of issue 7 is missed.</summary>
    public bool Check { get; init; }

    /// <summary>Run the mixed symmetric workload against Trent for this long instead of the matrix.</summary>
    public TimeSpan? Sustained { get; init; }

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);

    public int OpenSslSeconds { get; init; } = 3;

    public bool Quick { get; init; }

    public required string RepoRoot { get; init; }

    /// <summary>The smoke run: every cell, a fraction of a second each, about a minute in all.</summary>
    public BenchOptions AsQuick() => this with
    {
        Quick = true,
        Duration = TimeSpan.FromMilliseconds(600),
        Round = TimeSpan.FromMilliseconds(600),
        Warmup = TimeSpan.FromMilliseconds(200),
        Interval = TimeSpan.FromSeconds(2),
        OpenSslSeconds = 1,
    };

    /// <summary>"500ms", "10s", "2m", "1h", or a plain number of seconds.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        text = text.Trim();
        static double Number(string s) => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        return text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => TimeSpan.FromMilliseconds(Number(text[..^2])),
            _ when text.EndsWith('s') => TimeSpan.FromSeconds(Number(text[..^1])),
            _ when text.EndsWith('m') => TimeSpan.FromMinutes(Number(text[..^1])),
            _ when text.EndsWith('h') => TimeSpan.FromHours(Number(text[..^1])),
            _ => TimeSpan.FromSeconds(Number(text)),
        };
    }
}
