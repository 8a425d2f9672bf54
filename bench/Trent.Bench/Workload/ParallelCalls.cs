using System.Net;
using Trent.Bench.Http;

namespace Trent.Bench.Workload;

/// <summary>Runs <c>count</c> setup calls over a few persistent connections.</summary>
public static class ParallelCalls
{
    public static async Task RunAsync(IPEndPoint endpoint, int count, int parallelism, Func<HttpConnection, int, Task> call)
    {
        var next = -1;
        var workers = Enumerable.Range(0, Math.Min(parallelism, Math.Max(count, 1))).Select(_ => Task.Run(async () =>
        {
            var connection = await HttpConnection.OpenAsync(endpoint);
            try
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count)
                {
                    if (connection.Closed)
                    {
                        connection.Dispose();
                        connection = await HttpConnection.OpenAsync(endpoint);
                    }
                    await call(connection, i);
                }
            }
            finally
            {
                connection.Dispose();
            }
        }));
        await Task.WhenAll(workers);
    }
}
