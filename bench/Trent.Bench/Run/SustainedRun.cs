using System.Diagnostics;
using Trent.Bench.Load;
using Trent.Bench.Servers;
using Trent.Bench.Workload;

namespace Trent.Bench.Run;

/// <summary>
/// A mixed symmetric workload (the operations taking turns on every connection, over all keys) for a long time,
/// reporting each interval's throughput, p99, errors and the server's RSS, to catch leaks and slow degradation.
/// </summary>
public sealed class SustainedRun(BenchOptions options, TargetInstance target, BenchKeys keys, int connections, TextWriter log)
{
    private static readonly TimeSpan ResignEvery = TimeSpan.FromSeconds(30);

    public async Task<SustainedResult> RunAsync(TimeSpan duration)
    {
        var operations = options.Operations.Where(BenchOperation.Symmetric.Contains).ToList();
        if (operations.Count == 0)
        {
            operations = [.. BenchOperation.Symmetric];
        }
        var sets = operations.Select(o => RequestSet.For(target.Signer, o, keys)).ToList();
        using var loop = new ClosedLoop(target.Endpoint, [.. sets.Select(s => (s, s.Operation.ExpectedFieldBytes))], connections);

        // Warm-up: the JIT, caches and heap settle before the starting RSS is taken.
        var warmup = TimeSpan.FromSeconds(Math.Clamp(duration.TotalSeconds / 20, 2, 30));
        log.WriteLine($"  warm-up {warmup.TotalSeconds:F0} s, then {duration.TotalSeconds:F0} s of {string.Join("+", operations)} at {connections} connections");
        await loop.RunAsync(warmup);
        var warmupErrors = loop.TakeStats().Errors;

        var rssStart = target.Process.RssBytes();
        var rssPeak = rssStart;
        var cpuStart = target.Process.CpuTime();
        var total = new LoadStats();
        var intervals = new List<SustainedInterval>();
        var started = Stopwatch.GetTimestamp();
        using var stop = new CancellationTokenSource();
        var resign = ResignAsync(sets, stop.Token);
        var run = loop.RunAsync(duration);
        var last = started;
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(options.Interval));
            var now = Stopwatch.GetTimestamp();
            var stats = loop.TakeStats();
            var rss = target.Process.RssBytes();
            rssPeak = Math.Max(rssPeak, rss);
            var interval = new SustainedInterval(
                Math.Round(Stopwatch.GetElapsedTime(started, now).TotalSeconds, 1),
                Math.Round(stats.Requests / Stopwatch.GetElapsedTime(last, now).TotalSeconds, 1),
                Math.Round(stats.Latency.PercentileNanos(99) / 1e6, 3), stats.Errors, rss);
            intervals.Add(interval);
            log.WriteLine($"  t={interval.AtSeconds,6:F0} s  {interval.RequestsPerSecond,9:N0} req/s  p99 {interval.P99Ms,7:F3} ms  errors {interval.Errors}  RSS {rss / 1048576.0:F1} MiB");
            total.Add(stats);
            last = now;
        }
        var seconds = await run;
        await stop.CancelAsync();
        await resign;
        var cpu = target.Process.CpuTime() - cpuStart;
        var rssEnd = target.Process.RssBytes();
        return new SustainedResult
        {
            Target = target.Name,
            DurationSeconds = Math.Round(seconds, 1),
            Connections = connections,
            Operations = [.. operations.Select(o => o.Name)],
            Requests = total.Requests,
            Errors = total.Errors,
            WarmupErrors = warmupErrors,
            RequestsPerSecond = Math.Round(total.Requests / seconds, 1),
            P99Ms = Math.Round(total.Latency.PercentileNanos(99) / 1e6, 3),
            ServerCpuUsPerRequest = Math.Round(cpu.TotalMicroseconds / Math.Max(total.Requests, 1), 1),
            RssStartBytes = rssStart,
            RssEndBytes = rssEnd,
            RssPeakBytes = Math.Max(rssPeak, rssEnd),
            Intervals = intervals,
            ErrorSample = total.ErrorSample,
        };
    }

    /// <summary>Keeps the replayed signatures inside AWS's 5-minute window for runs longer than that.</summary>
    private static async Task ResignAsync(IReadOnlyList<RequestSet> sets, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(ResignEvery, ct);
                foreach (var set in sets)
                {
                    set.Refresh();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }
}
