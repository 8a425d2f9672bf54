using Trent.Bench.Load;
using Trent.Bench.Servers;
using Trent.Bench.Workload;

namespace Trent.Bench.Run;

/// <summary>One target's rounds in a cell, added up.</summary>
internal sealed class CellAccumulator(TargetInstance target, RequestSet requests, byte[] expectedField)
{
    private readonly LoadStats _stats = new();
    private double _seconds;
    private TimeSpan _serverCpu;
    private TimeSpan _clientCpu;
    private long? _storageCalls;

    public TargetInstance Target => target;
    public RequestSet Requests => requests;
    public byte[] ExpectedField => expectedField;

    public void Add(LoadStats stats, double seconds, TimeSpan serverCpu, TimeSpan clientCpu, long? storageCalls)
    {
        _stats.Add(stats);
        _seconds += seconds;
        _serverCpu += serverCpu;
        _clientCpu += clientCpu;
        if (storageCalls is { } calls)
        {
            _storageCalls = (_storageCalls ?? 0) + calls;
        }
    }

    public CellResult ToResult(BenchOperation operation, int connections)
    {
        var n = Math.Max(_stats.Requests, 1);
        return new CellResult
        {
            Operation = operation.Name,
            Connections = connections,
            Target = target.Name,
            Kind = target.Kind.ToString().ToLowerInvariant(),
            Keys = target.KeyCount,
            Requests = _stats.Requests,
            Errors = _stats.Errors,
            Seconds = Math.Round(_seconds, 3),
            RequestsPerSecond = Math.Round(_stats.Requests / Math.Max(_seconds, 1e-9), 1),
            P50Ms = Ms(_stats.Latency.PercentileNanos(50)),
            P99Ms = Ms(_stats.Latency.PercentileNanos(99)),
            P999Ms = Ms(_stats.Latency.PercentileNanos(99.9)),
            MaxMs = Ms(_stats.Latency.MaxNanos),
            MeanMs = Ms(_stats.Latency.SumNanos / n),
            ServerCpuUsPerRequest = Math.Round(_serverCpu.TotalMicroseconds / n, 1),
            ClientCpuUsPerRequest = Math.Round(_clientCpu.TotalMicroseconds / n, 1),
            StorageCalls = _storageCalls,
            ErrorSample = _stats.ErrorSample,
        };
    }

    private static double Ms(double nanos) => Math.Round(nanos / 1e6, 4);
}
