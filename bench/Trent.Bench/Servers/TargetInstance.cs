using System.Globalization;
using System.Net;
using System.Text;
using Trent.Bench.Http;
using Trent.Bench.Signing;

namespace Trent.Bench.Servers;

/// <summary>A running target: its process, address, credentials, and how many keys its store was given.</summary>
public sealed class TargetInstance(string name, TargetKind kind, int keyCount, ServerProcess process, IPEndPoint endpoint, Credentials credentials, string? dataDir)
    : IDisposable
{
    public string Name => name;
    public TargetKind Kind => kind;
    public int KeyCount => keyCount;
    public ServerProcess Process => process;
    public IPEndPoint Endpoint => endpoint;
    public SigV4Signer Signer { get; } = new(credentials, endpoint.ToString());

    /// <summary>
    /// Trent's storage calls made while serving requests so far (the <c>source="request"</c> series of
    /// <c>trent_storage_calls_total</c> at <c>GET /metrics</c>, summed; the once-a-minute maintenance sweep is
    /// counted apart); null for the other targets.
    /// </summary>
    public async Task<long?> StorageCallsAsync()
    {
        if (kind != TargetKind.Trent)
        {
            return null;
        }
        using var connection = await HttpConnection.OpenAsync(endpoint);
        var response = await connection.SendAsync(Encoding.ASCII.GetBytes($"GET /metrics HTTP/1.1\r\nHost: {endpoint}\r\n\r\n"));
        if (response.Status != 200)
        {
            return null;
        }
        long total = 0;
        foreach (var line in Encoding.UTF8.GetString(response.Body.Span).Split('\n'))
        {
            if (line.StartsWith("trent_storage_calls_total", StringComparison.Ordinal) && line.Contains("source=\"request\"", StringComparison.Ordinal))
            {
                total += long.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }
        return total;
    }

    public void Dispose()
    {
        process.Dispose();
        if (dataDir is not null)
        {
            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory is harmless.
            }
        }
    }
}
