using System.Diagnostics;
using Trent.Bench.Http;
using Trent.Bench.Load;
using Trent.Bench.Servers;
using Trent.Bench.Workload;

namespace Trent.Bench.Run;

/// <summary>
/// Every (operation, connections) cell against every target. Within a cell the targets take turns in short rounds
/// (the starting target rotating each round), so that thermal or neighbour drift of the machine lands on all of them
/// alike and the ratios between them hold even when absolute numbers wander.
/// </summary>
public sealed class MatrixRun(BenchOptions options, IReadOnlyList<TargetInstance> targets, IReadOnlyDictionary<TargetInstance, BenchKeys> keys, TextWriter log)
{
    private static readonly byte[] CeilingField = BenchOperation.Encrypt.ExpectedFieldBytes;
    private readonly Dictionary<(TargetInstance, BenchOperation), RequestSet> _requestSets = [];

    private readonly Dictionary<(TargetInstance, BenchOperation), string?> _unavailable = [];

    public async Task<List<CellResult>> RunAsync()
    {
        await WarmUpAsync();
        var results = new List<CellResult>();
        foreach (var operation in options.Operations)
        {
            foreach (var connections in options.Connections)
            {
                var cell = await RunCellAsync(operation, connections);
                foreach (var result in cell)
                {
                    log.WriteLine(ResultLine(result));
                }
                results.AddRange(cell);
            }
        }
        return results;
    }

    /// <summary>
    /// Every operation once against every target before the first cell, so that the first cell measured does not pay
    /// for the JIT's tiering that the later ones get for free.
    /// </summary>
    private async Task WarmUpAsync()
    {
        var connections = options.Connections.Max();
        foreach (var target in targets)
        {
            foreach (var operation in options.Operations.Where(o => o != BenchOperation.CreateKey))
            {
                if (await UnavailableAsync(target, operation) is null)
                {
                    var set = RequestSetFor(target, operation);
                    using var loop = new ClosedLoop(target.Endpoint, [(set, ExpectedField(target, operation))], connections);
                    await loop.RunAsync(options.Warmup * 2);
                }
            }
        }
    }

    private static byte[] ExpectedField(TargetInstance target, BenchOperation operation) =>
        target.Kind == TargetKind.Ceiling ? CeilingField : operation.ExpectedFieldBytes;

    private async Task<List<CellResult>> RunCellAsync(BenchOperation operation, int connections)
    {
        var results = new List<CellResult>();
        var measured = new List<CellAccumulator>();
        foreach (var target in targets)
        {
            var reason = await UnavailableAsync(target, operation);
            if (reason is not null)
            {
                results.Add(new CellResult
                {
                    Operation = operation.Name,
                    Connections = connections,
                    Target = target.Name,
                    Kind = target.Kind.ToString().ToLowerInvariant(),
                    Keys = target.KeyCount,
                    Available = false,
                    Reason = reason,
                });
                continue;
            }
            measured.Add(new CellAccumulator(target, RequestSetFor(target, operation), ExpectedField(target, operation)));
        }

        foreach (var m in measured)
        {
            using var warmup = new ClosedLoop(m.Target.Endpoint, [(m.Requests, m.ExpectedField)], connections);
            await warmup.RunAsync(options.Warmup);
        }

        var rounds = Math.Max(1, (int)Math.Round(options.Duration / options.Round));
        var segment = options.Duration / rounds;
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < measured.Count; i++)
            {
                await RunSegmentAsync(measured[(round + i) % measured.Count], connections, segment);
            }
        }
        results.InsertRange(0, measured.Select(m => m.ToResult(operation, connections)));
        return [.. results.OrderBy(r => targets.Select(t => t.Name).ToList().IndexOf(r.Target))];
    }

    private static async Task RunSegmentAsync(CellAccumulator m, int connections, TimeSpan duration)
    {
        m.Requests.Refresh();
        using var loop = new ClosedLoop(m.Target.Endpoint, [(m.Requests, m.ExpectedField)], connections);
        await loop.OpenAsync();
        var storageBefore = await m.Target.StorageCallsAsync();
        var serverBefore = m.Target.Process.CpuTime();
        var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var seconds = await loop.RunAsync(duration);
        var serverCpu = m.Target.Process.CpuTime() - serverBefore;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientBefore;
        var storageAfter = await m.Target.StorageCallsAsync();
        m.Add(loop.TakeStats(), seconds, serverCpu, clientCpu, storageAfter - storageBefore);
    }

    private RequestSet RequestSetFor(TargetInstance target, BenchOperation operation)
    {
        if (!_requestSets.TryGetValue((target, operation), out var set))
        {
            set = RequestSet.For(target.Signer, operation, keys[target]);
            _requestSets[(target, operation)] = set;
        }
        return set;
    }

    /// <summary>Why the target cannot be measured on this operation (n/a), or null. One probe request decides.</summary>
    private async Task<string?> UnavailableAsync(TargetInstance target, BenchOperation operation)
    {
        if (!_unavailable.TryGetValue((target, operation), out var reason))
        {
            reason = await ProbeAsync(target, operation);
            _unavailable[(target, operation)] = reason;
        }
        return reason;
    }

    private async Task<string?> ProbeAsync(TargetInstance target, BenchOperation operation)
    {
        if (keys[target].Unavailable.TryGetValue(operation.Keys, out var refusal))
        {
            return refusal;
        }
        if (target.Kind == TargetKind.Ceiling)
        {
            return null;
        }
        var set = RequestSetFor(target, operation);
        set.Refresh();
        using var connection = await HttpConnection.OpenAsync(target.Endpoint);
        var response = await connection.SendAsync(set.Current[0]);
        var body = System.Text.Encoding.UTF8.GetString(response.Body.Span);
        return response.Status != 200 && KmsCall.IsUnsupported(response.Status, body) ? $"{operation.Name}: {KmsCall.ErrorType(response.Status, body)}" : null;
    }

    private static string ResultLine(CellResult r) => r.Available
        ? $"  {r.Operation,-16} {r.Connections,3} conn  {r.Target,-14} {r.RequestsPerSecond,10:N0} req/s  p50 {r.P50Ms,7:F3} ms  p99 {r.P99Ms,7:F3} ms  " +
          $"p99.9 {r.P999Ms,7:F3} ms  errors {r.Errors}  cpu {r.ServerCpuUsPerRequest:F1} µs/req" +
          (r.StorageCalls is { } s ? $"  storage calls {s}" : "") + (r.ErrorSample is { } e ? $"\n      first error: {e}" : "")
        : $"  {r.Operation,-16} {r.Connections,3} conn  {r.Target,-14} n/a ({r.Reason})";
}
