using System.Diagnostics;
using System.Net;
using System.Text;
using Trent.Bench.Http;
using Trent.Bench.Workload;

namespace Trent.Bench.Load;

/// <summary>
/// N persistent connections, each with exactly one request outstanding (closed loop): a connection sends its next
/// request as soon as the previous answer is in, as a pool of application threads calling KMS would. Every response
/// is checked for status 200 and the expected field.
/// </summary>
public sealed class ClosedLoop(IPEndPoint endpoint, IReadOnlyList<(RequestSet Set, byte[] ExpectedField)> workload, int connections) : IDisposable
{
    private readonly HttpConnection?[] _connections = new HttpConnection?[connections];
    private readonly Worker[] _workers = Enumerable.Range(0, connections).Select(_ => new Worker()).ToArray();

    /// <summary>Connects every connection, so that connecting stays outside the timed window.</summary>
    public async Task OpenAsync()
    {
        for (var i = 0; i < _connections.Length; i++)
        {
            _connections[i] ??= await HttpConnection.OpenAsync(endpoint);
        }
    }

    /// <summary>Runs until <paramref name="duration"/> has passed; returns the seconds from start until the last answer.</summary>
    public async Task<double> RunAsync(TimeSpan duration, CancellationToken ct = default)
    {
        await OpenAsync();
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, _connections.Length).Select(w => Task.Run(() => RunWorkerAsync(w, end, ct), ct)));
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>Everything recorded since the last call, merged; the workers start counting afresh.</summary>
    public LoadStats TakeStats()
    {
        var total = new LoadStats();
        foreach (var worker in _workers)
        {
            lock (worker.Gate)
            {
                total.Add(worker.Stats);
                worker.Stats.Reset();
            }
        }
        return total;
    }

    private async Task RunWorkerAsync(int w, long end, CancellationToken ct)
    {
        var worker = _workers[w];
        var sets = workload.Count;
        // Connections start at different keys and walk through all of them.
        var first = (long)w * workload[0].Set.Current.Length / _connections.Length;
        for (long n = 0; Stopwatch.GetTimestamp() < end && !ct.IsCancellationRequested; n++)
        {
            var (set, expected) = workload[(int)(n % sets)];
            var requests = set.Current;
            var request = requests[(first + n / sets) % requests.Length];
            var connection = _connections[w] ??= await HttpConnection.OpenAsync(endpoint, ct);
            var started = Stopwatch.GetTimestamp();
            string? failure = null;
            try
            {
                var response = await connection.SendAsync(request, ct);
                if (response.Status != 200 || response.Body.Span.IndexOf(expected) < 0)
                {
                    failure = $"{response.Status} {Encoding.UTF8.GetString(response.Body.Span[..Math.Min(response.Body.Length, 300)])}";
                }
                if (connection.Closed)
                {
                    Reconnect(w);
                }
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or InvalidDataException)
            {
                failure = $"{e.GetType().Name}: {e.Message}";
                Reconnect(w);
            }
            var elapsed = Stopwatch.GetTimestamp() - started;
            lock (worker.Gate)
            {
                worker.Stats.Requests++;
                worker.Stats.Latency.RecordTicks(elapsed);
                if (failure is not null)
                {
                    worker.Stats.Errors++;
                    worker.Stats.ErrorSample ??= failure;
                }
            }
        }
    }

    private void Reconnect(int w)
    {
        _connections[w]?.Dispose();
        _connections[w] = null;
    }

    public void Dispose()
    {
        foreach (var connection in _connections)
        {
            connection?.Dispose();
        }
    }

    private sealed class Worker
    {
        public Lock Gate { get; } = new();
        public LoadStats Stats { get; } = new();
    }
}
