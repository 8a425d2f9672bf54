using System.Globalization;
using Trent.Bench.Run;

namespace Trent.Bench.Report;

/// <summary>The human-readable report: one row per target and cell, each cell followed by Trent's ratios.</summary>
public static class ResultTable
{
    public static void Write(BenchReport report, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Trent load benchmark, {report.Date:yyyy-MM-dd HH:mm} UTC, commit {report.Commit}");
        output.WriteLine($"Machine: {report.Machine}; load average {report.LoadAverageStart} at start, {report.LoadAverageEnd} at end");
        if (report.OpenSslEcdsaP256 is { } openssl)
        {
            output.WriteLine($"openssl speed ecdsap256 -multi {openssl.Processes}: {openssl.SignPerSecond:N0} sign/s");
        }
        foreach (var setup in report.Setup.Where(s => s.CreateKeyPerSecond > 0))
        {
            output.WriteLine($"Setup: {setup.Target} created {setup.SymmetricKeys:N0} keys at {setup.CreateKeyPerSecond:N0} CreateKey/s (1 connection)");
        }
        if (report.Cells.Count > 0)
        {
            WriteCells(report.Cells, output);
        }
        if (report.Sustained is { } sustained)
        {
            WriteSustained(sustained, output);
        }
    }

    private static void WriteCells(IReadOnlyList<CellResult> cells, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{"operation",-16} {"conn",4}  {"target",-14} {"req/s",10} {"p50 ms",8} {"p99 ms",8} {"p99.9 ms",9} {"errors",7} {"srv µs/req",11} {"cli µs/req",11} {"storage",8}");
        foreach (var cell in cells.GroupBy(c => (c.Operation, c.Connections)))
        {
            foreach (var r in cell)
            {
                output.WriteLine(r.Available
                    ? $"{r.Operation,-16} {r.Connections,4}  {r.Target,-14} {r.RequestsPerSecond,10:N0} {r.P50Ms,8:F3} {r.P99Ms,8:F3} {r.P999Ms,9:F3} {r.Errors,7} " +
                      $"{r.ServerCpuUsPerRequest,11:F1} {r.ClientCpuUsPerRequest,11:F1} {r.StorageCalls?.ToString(CultureInfo.InvariantCulture) ?? "",8}"
                    : $"{r.Operation,-16} {r.Connections,4}  {r.Target,-14} {"n/a",10}  {r.Reason}");
            }
            var ratios = Ratios(cell.ToList());
            if (ratios.Length > 0)
            {
                output.WriteLine($"{"",23}{ratios}");
            }
        }
    }

    /// <summary>"trent/ceiling 0.41  trent/moto 35.2" for each Trent in the cell.</summary>
    private static string Ratios(List<CellResult> cell)
    {
        var ceiling = cell.FirstOrDefault(c => c.Kind == "ceiling" && c.Available);
        var moto = cell.FirstOrDefault(c => c.Kind == "moto" && c.Available);
        var parts = new List<string>();
        foreach (var trent in cell.Where(c => c.Kind == "trent" && c.Available))
        {
            if (ceiling is not null)
            {
                parts.Add($"{trent.Target}/ceiling {trent.RequestsPerSecond / ceiling.RequestsPerSecond:F2}");
            }
            if (moto is not null)
            {
                parts.Add($"{trent.Target}/moto {trent.RequestsPerSecond / moto.RequestsPerSecond:F1}");
            }
        }
        return string.Join("   ", parts);
    }

    private static void WriteSustained(SustainedResult s, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Sustained: {s.Target}, {string.Join("+", s.Operations)} at {s.Connections} connections for {s.DurationSeconds:F0} s");
        output.WriteLine($"  {s.Requests:N0} requests, {s.RequestsPerSecond:N0} req/s, p99 {s.P99Ms:F3} ms, {s.ServerCpuUsPerRequest:F1} µs server CPU/req");
        output.WriteLine($"  errors {s.Errors} (warm-up {s.WarmupErrors}){(s.ErrorSample is { } e ? "; first: " + e : "")}");
        output.WriteLine($"  RSS {s.RssStartBytes / 1048576.0:F1} MiB at start, {s.RssEndBytes / 1048576.0:F1} MiB at end ({s.RssGrowthPercent:+0.0;-0.0}%), peak {s.RssPeakBytes / 1048576.0:F1} MiB");
        if (s.Intervals.Count > 1)
        {
            var rates = s.Intervals.Select(i => i.RequestsPerSecond).ToList();
            output.WriteLine($"  throughput per interval: min {rates.Min():N0}, max {rates.Max():N0} req/s");
        }
    }

    public static void WriteChecks(IReadOnlyList<CheckOutcome> checks, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Targets (issue 7):");
        foreach (var check in checks.OrderBy(c => c.Status switch { CheckOutcome.Fail => 0, CheckOutcome.Pass => 1, _ => 2 }))
        {
            var mark = check.Status switch { CheckOutcome.Pass => "pass ", CheckOutcome.Fail => "FAIL ", _ => "skip " };
            output.WriteLine($"  {mark} {check.Name}: {check.Detail}");
        }
        output.WriteLine($"  targets met {checks.Count(c => c.Status == CheckOutcome.Pass)}, missed {checks.Count(c => c.Status == CheckOutcome.Fail)}, not checked {checks.Count(c => c.Status == CheckOutcome.Skip)}");
    }
}
