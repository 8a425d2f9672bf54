using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Trent.Protocol.Auth;

namespace Trent.Bench.Micro;

/// <summary>SigV4 verification of an Encrypt request by the root's (cached) access key: every request pays this.</summary>
[MemoryDiagnoser]
public class SigV4Benchmarks
{
    private MicroHost _host = null!;
    private HeaderDictionary _headers = null!;
    private byte[] _body = null!;

    [GlobalSetup]
    public void Setup()
    {
        _host = MicroHost.StartAsync().GetAwaiter().GetResult();
        _body = Encoding.UTF8.GetBytes(Payloads.EncryptRequest("00000000-0000-4000-8000-000000000000"));
        _headers = _host.Headers("Encrypt", _body);
        // The first verification loads and unseals the access key; the benchmark measures the cached case.
        Verify().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public ValueTask<SigV4Result> Verify() => _host.Verifier.VerifyAsync(new SigV4Request("POST", "/", "", _headers, _body));

    [GlobalCleanup]
    public void Cleanup() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
