using Trent.Bench.Run;
using Trent.Bench.Workload;

namespace Trent.Bench.Report;

/// <summary>The performance targets of issue 7, checked against one run's numbers.</summary>
public static class TargetCheck
{
    public const double MinCeilingRatio = 0.6;
    public const double StretchCeilingRatio = 0.75;
    public const double MinMotoRatio = 50;
    public const double MaxP99Ms = 5;
    public const double MaxCpuUsPerRequest = 25;
    public const double MaxSingleConnectionP50Ms = 0.2;
    public const double MinOpenSslSignRatio = 0.6;
    public const double MaxKeyCountLoss = 0.10;
    public const double MinCreateKeyPerSecond = 500;
    public const double MaxRssGrowthPercent = 10;

    private static readonly int[] LoadedConnections = [8, 64];
    private static readonly string[] NoStorageOperations = ["Encrypt", "Decrypt", "GenerateDataKey"];

    public static List<CheckOutcome> Evaluate(BenchReport report)
    {
        var checks = new List<CheckOutcome>();
        var cells = report.Cells;
        var trents = cells.Where(c => c.Kind == "trent").Select(c => c.Target).Distinct().ToList();
        foreach (var trent in trents)
        {
            foreach (var op in BenchOperation.Symmetric.Select(o => o.Name))
            {
                foreach (var connections in LoadedConnections)
                {
                    var cell = Find(cells, trent, op, connections);
                    if (cell is null)
                    {
                        continue;
                    }
                    var name = $"{trent} {op} @{connections}";
                    var ceiling = cells.FirstOrDefault(c => c.Kind == "ceiling" && c.Operation == op && c.Connections == connections && c.Available);
                    var moto = cells.FirstOrDefault(c => c.Kind == "moto" && c.Operation == op && c.Connections == connections && c.Available);
                    checks.Add(ceiling is null
                        ? Skipped(name + " vs ceiling", "the ceiling was not measured")
                        : AtLeast(name + " vs ceiling", cell.RequestsPerSecond / ceiling.RequestsPerSecond, MinCeilingRatio, "×",
                            $"{cell.RequestsPerSecond:N0} vs {ceiling.RequestsPerSecond:N0} req/s; stretch {StretchCeilingRatio}×"));
                    checks.Add(moto is null
                        ? Skipped(name + " vs moto", "moto was not measured")
                        : AtLeast(name + " vs moto", cell.RequestsPerSecond / moto.RequestsPerSecond, MinMotoRatio, "×",
                            $"{cell.RequestsPerSecond:N0} vs {moto.RequestsPerSecond:N0} req/s"));
                    checks.Add(AtMost(name + " p99", cell.P99Ms, MaxP99Ms, " ms"));
                    checks.Add(AtMost(name + " server CPU", cell.ServerCpuUsPerRequest, MaxCpuUsPerRequest, " µs/req"));
                }
                if (Find(cells, trent, op, 1) is { } single)
                {
                    checks.Add(AtMost($"{trent} {op} @1 p50", single.P50Ms, MaxSingleConnectionP50Ms, " ms"));
                }
            }
            foreach (var cell in cells.Where(c => c.Target == trent && c.Available))
            {
                if (cell.Errors > 0)
                {
                    checks.Add(new(CheckOutcome.Fail, $"{trent} {cell.Operation} @{cell.Connections} errors", $"{cell.Errors} errors; first: {cell.ErrorSample}"));
                }
                if (NoStorageOperations.Contains(cell.Operation) && cell.StorageCalls is { } calls)
                {
                    checks.Add(AtMost($"{trent} {cell.Operation} @{cell.Connections} storage calls", calls, 0, ""));
                }
            }
            checks.Add(SignCheck(report, trent));
            checks.AddRange(CreateKeyChecks(cells, trent));
        }
        if (cells.Count > 0)
        {
            checks.AddRange(KeyCountChecks(cells, trents));
        }
        if (report.Sustained is { } sustained)
        {
            checks.Add(AtMost($"sustained {sustained.DurationSeconds:F0} s errors", sustained.Errors + sustained.WarmupErrors, 0, ""));
            checks.Add(new(sustained.RssGrowthPercent < MaxRssGrowthPercent ? CheckOutcome.Pass : CheckOutcome.Fail, $"sustained {sustained.DurationSeconds:F0} s RSS growth",
                $"{sustained.RssGrowthPercent:F1}% ({sustained.RssStartBytes / 1048576.0:F0} -> {sustained.RssEndBytes / 1048576.0:F0} MiB), limit < {MaxRssGrowthPercent}%"));
        }
        return checks;
    }

    private static CheckOutcome SignCheck(BenchReport report, string trent)
    {
        var signs = report.Cells.Where(c => c.Target == trent && c.Operation == "Sign").ToList();
        if (signs.Count == 0)
        {
            return Skipped($"{trent} Sign vs openssl", "Sign was not measured");
        }
        if (signs.All(c => !c.Available))
        {
            return Skipped($"{trent} Sign vs openssl", "n/a: " + signs[0].Reason);
        }
        if (report.OpenSslEcdsaP256 is not { } openssl)
        {
            return Skipped($"{trent} Sign vs openssl", "openssl speed gave no result");
        }
        var best = signs.Where(c => c.Available).MaxBy(c => c.RequestsPerSecond)!;
        return AtLeast($"{trent} Sign vs openssl", best.RequestsPerSecond / openssl.SignPerSecond, MinOpenSslSignRatio, "×",
            $"{best.RequestsPerSecond:N0} req/s @{best.Connections} vs openssl {openssl.SignPerSecond:N0} sign/s on {openssl.Processes} processes");
    }

    /// <summary>Every measured concurrency: concurrent CreateKeys are the case that batching commits is allowed for.</summary>
    private static IEnumerable<CheckOutcome> CreateKeyChecks(IReadOnlyList<CellResult> cells, string trent)
    {
        var creates = cells.Where(c => c.Target == trent && c.Operation == "CreateKey" && c.Available).ToList();
        if (creates.Count == 0)
        {
            yield return Skipped($"{trent} CreateKey", "CreateKey was not measured (add it to --ops)");
        }
        foreach (var cell in creates)
        {
            yield return AtLeast($"{trent} CreateKey @{cell.Connections}", cell.RequestsPerSecond, MinCreateKeyPerSecond, " /s", "SQLite, synchronous=FULL");
        }
    }

    private static IEnumerable<CheckOutcome> KeyCountChecks(IReadOnlyList<CellResult> cells, IReadOnlyList<string> trents)
    {
        if (trents.Count < 2)
        {
            yield return Skipped("throughput with many keys", "one key count measured (use --keys 10,100000)");
            yield break;
        }
        foreach (var op in BenchOperation.Symmetric.Select(o => o.Name))
        {
            foreach (var connections in LoadedConnections)
            {
                var few = cells.Where(c => c.Kind == "trent" && c.Operation == op && c.Connections == connections && c.Available).MinBy(c => c.Keys);
                var many = cells.Where(c => c.Kind == "trent" && c.Operation == op && c.Connections == connections && c.Available).MaxBy(c => c.Keys);
                if (few is null || many is null || few.Keys == many.Keys)
                {
                    continue;
                }
                yield return AtLeast($"{op} @{connections} with {many.Keys:N0} keys vs {few.Keys:N0}", many.RequestsPerSecond / few.RequestsPerSecond,
                    1 - MaxKeyCountLoss, "×", $"{many.RequestsPerSecond:N0} vs {few.RequestsPerSecond:N0} req/s");
            }
        }
    }

    private static CellResult? Find(IReadOnlyList<CellResult> cells, string target, string op, int connections) =>
        cells.FirstOrDefault(c => c.Target == target && c.Operation == op && c.Connections == connections && c.Available);

    private static CheckOutcome AtLeast(string name, double value, double minimum, string unit, string detail) =>
        new(value >= minimum ? CheckOutcome.Pass : CheckOutcome.Fail, name, $"{value:0.###}{unit} (need ≥ {minimum}{unit}); {detail}");

    private static CheckOutcome AtMost(string name, double value, double maximum, string unit) =>
        new(value <= maximum ? CheckOutcome.Pass : CheckOutcome.Fail, name, $"{value:0.###}{unit} (need ≤ {maximum}{unit})");

    private static CheckOutcome Skipped(string name, string why) => new(CheckOutcome.Skip, name, why);
}
