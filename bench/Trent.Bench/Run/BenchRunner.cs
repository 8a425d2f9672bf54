using System.Text.Json;
using Trent.Bench.Reference;
using Trent.Bench.Report;
using Trent.Bench.Servers;
using Trent.Bench.Workload;

namespace Trent.Bench.Run;

/// <summary>One benchmark run: start the targets, give them keys, measure (matrix or sustained), report, check.</summary>
public static class BenchRunner
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>0 when the run completed (and, with --check, every target was met); 1 for a shortfall.</summary>
    public static async Task<int> RunAsync(BenchOptions options, TextWriter log)
    {
        var machine = MachineInfo.Current();
        var commit = MachineInfo.Commit(options.RepoRoot);
        var loadAverage = MachineInfo.LoadAverage();
        log.WriteLine($"Trent.Bench at {commit} on {machine}; load average {loadAverage}");

        OpenSslSpeed.Result? openssl = null;
        if (options.Sustained is null && options.Operations.Contains(BenchOperation.Sign))
        {
            log.WriteLine($"openssl speed -seconds {options.OpenSslSeconds} -multi {machine.Cores} ecdsap256 ...");
            openssl = await OpenSslSpeed.EcdsaP256Async(options.OpenSslSeconds, machine.Cores);
        }

        var targets = new List<TargetInstance>();
        try
        {
            log.WriteLine("Starting targets ...");
            targets.AddRange(await StartTargetsAsync(options));
            var keys = new Dictionary<TargetInstance, BenchKeys>();
            foreach (var target in targets)
            {
                keys[target] = await KeySetup.CreateAsync(target, options.Operations, log);
            }
            var report = new BenchReport
            {
                Date = DateTimeOffset.UtcNow,
                Commit = commit,
                Machine = machine,
                Settings = Settings(options),
                LoadAverageStart = loadAverage,
                OpenSslEcdsaP256 = openssl,
                Setup = [.. targets.Select(t => new SetupResult(t.Name, keys[t].Symmetric.Length, Math.Round(keys[t].CreateKeyPerSecond, 1),
                    keys[t].Unavailable.ToDictionary(u => u.Key.ToString(), u => u.Value)))],
            };
            if (options.Sustained is { } duration)
            {
                var trent = targets.First(t => t.Kind == TargetKind.Trent);
                var connections = options.Connections[0];
                log.WriteLine($"Sustained run against {trent.Name}:");
                report = report with { Sustained = await new SustainedRun(options, trent, keys[trent], connections, log).RunAsync(duration) };
            }
            else
            {
                log.WriteLine("Measuring (targets alternate within each cell):");
                report = report with { Cells = await new MatrixRun(options, targets, keys, log).RunAsync() };
            }
            report.Checks = TargetCheck.Evaluate(report);
            report.LoadAverageEnd = MachineInfo.LoadAverage();

            ResultTable.Write(report, Console.Out);
            ResultTable.WriteChecks(report.Checks, Console.Out);
            if (options.JsonPath is { } path)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, Json) + "\n");
                log.WriteLine($"Wrote {path}");
            }
            var missed = report.Checks.Count(c => c.Status == CheckOutcome.Fail);
            if (options.Check && missed > 0)
            {
                await Console.Error.WriteLineAsync($"trent-bench: {missed} target(s) missed: " +
                    string.Join("; ", report.Checks.Where(c => c.Status == CheckOutcome.Fail).Select(c => $"{c.Name}: {c.Detail}")));
                return 1;
            }
            return 0;
        }
        finally
        {
            foreach (var target in targets)
            {
                target.Dispose();
            }
        }
    }

    private static async Task<List<TargetInstance>> StartTargetsAsync(BenchOptions options)
    {
        var started = new List<TargetInstance>();
        var keyCounts = options.Sustained is null ? options.Keys : [options.Keys[0]];
        var targets = options.Sustained is null ? options.Targets : [TargetKind.Trent];
        try
        {
            foreach (var kind in targets)
            {
                switch (kind)
                {
                    case TargetKind.Trent:
                        foreach (var count in keyCounts)
                        {
                            var name = keyCounts.Count == 1 ? "trent" : $"trent@{count}";
                            started.Add(await TargetLauncher.StartTrentAsync(options.RepoRoot, name, count));
                        }
                        break;
                    case TargetKind.Moto:
                        started.Add(await TargetLauncher.StartMotoAsync(options.Keys[0]));
                        break;
                    case TargetKind.Ceiling:
                        started.Add(await TargetLauncher.StartCeilingAsync(options.RepoRoot, options.Keys[0]));
                        break;
                }
            }
            return started;
        }
        catch
        {
            foreach (var target in started)
            {
                target.Dispose();
            }
            throw;
        }
    }

    private static BenchSettings Settings(BenchOptions o) => new(
        o.Duration.TotalSeconds, o.Round.TotalSeconds, o.Warmup.TotalSeconds, o.Connections,
        [.. o.Operations.Select(x => x.Name)], [.. o.Targets.Select(t => t.ToString().ToLowerInvariant())], o.Keys, o.Quick, o.Sustained?.TotalSeconds);
}
