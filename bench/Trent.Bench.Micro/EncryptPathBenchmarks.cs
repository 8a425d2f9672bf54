using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;

namespace Trent.Bench.Micro;

/// <summary>
/// One whole Encrypt through <c>RequestPipeline.HandleAsync</c> with a cached key: body read, SigV4, model
/// validation, JSON, key lookup, authorization, HKDF + AES-GCM, response. The context is reused between calls, as
/// Kestrel reuses it per connection, so its own allocations stay out of the count.
/// </summary>
[MemoryDiagnoser]
public class EncryptPathBenchmarks
{
    private MicroHost _host = null!;
    private DefaultHttpContext _http = null!;

    [GlobalSetup]
    public void Setup()
    {
        _host = MicroHost.StartAsync().GetAwaiter().GetResult();
        var (status, created) = _host.CallAsync("CreateKey", "{}").GetAwaiter().GetResult();
        if (status != 200)
        {
            throw new InvalidOperationException($"CreateKey failed: {created}");
        }
        using var json = System.Text.Json.JsonDocument.Parse(created);
        var keyId = json.RootElement.GetProperty("KeyMetadata").GetProperty("KeyId").GetString()!;
        _http = _host.Context("Encrypt", Encoding.UTF8.GetBytes(Payloads.EncryptRequest(keyId)), Stream.Null);
        // The first Encrypt loads the key into the cache; it must succeed, or the benchmark would time an error path.
        Encrypt().GetAwaiter().GetResult();
        if (_http.Response.StatusCode != 200)
        {
            throw new InvalidOperationException($"Encrypt answered {_http.Response.StatusCode}.");
        }
    }

    [Benchmark]
    public Task Encrypt()
    {
        _http.Request.Body.Position = 0;
        _http.Response.StatusCode = 200;
        _http.Response.Headers.Clear();
        return _host.Pipeline.HandleAsync(_http);
    }

    [GlobalCleanup]
    public void Cleanup() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
