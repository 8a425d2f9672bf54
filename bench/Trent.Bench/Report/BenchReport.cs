using Trent.Bench.Reference;
using Trent.Bench.Run;

namespace Trent.Bench.Report;

/// <summary>Everything one run measured: written as JSON to compare commits.</summary>
public sealed record BenchReport
{
    public required DateTimeOffset Date { get; init; }
    public required string Commit { get; init; }
    public required MachineInfo Machine { get; init; }
    public required BenchSettings Settings { get; init; }

    /// <summary>/proc/loadavg before and after: anything else running on the machine shows here.</summary>
    public string LoadAverageStart { get; init; } = "";
    public string LoadAverageEnd { get; set; } = "";
    public OpenSslSpeed.Result? OpenSslEcdsaP256 { get; init; }
    public IReadOnlyList<SetupResult> Setup { get; init; } = [];
    public IReadOnlyList<CellResult> Cells { get; init; } = [];
    public SustainedResult? Sustained { get; init; }
    public IReadOnlyList<CheckOutcome> Checks { get; set; } = [];
}

/// <summary>The options that shape the numbers.</summary>
public sealed record BenchSettings(
    double DurationSeconds, double RoundSeconds, double WarmupSeconds, IReadOnlyList<int> Connections,
    IReadOnlyList<string> Operations, IReadOnlyList<string> Targets, IReadOnlyList<int> Keys, bool Quick, double? SustainedSeconds);

/// <summary>A target's key setup: how many keys it was given and how fast it created them.</summary>
public sealed record SetupResult(string Target, int SymmetricKeys, double CreateKeyPerSecond, IReadOnlyDictionary<string, string> Unavailable);

/// <summary>One target of issue 7, checked: pass, fail (a shortfall), or skip (not measured in this run, or n/a).</summary>
public sealed record CheckOutcome(string Status, string Name, string Detail)
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string Skip = "skip";
}
