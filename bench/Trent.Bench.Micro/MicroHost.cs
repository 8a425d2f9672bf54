using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Trent.Bench.Signing;
using Trent.Core.Crypto;
using Trent.Protocol.Auth;
using Trent.Protocol.Dispatch;
using Trent.Server.Hosting;

namespace Trent.Bench.Micro;

/// <summary>
/// Trent's request pipeline in-process, no sockets: a temp data directory (SQLite, root key, root credentials)
/// opened and composed as <c>TrentHost.StartAsync</c> composes it (keep the two alike), and signed requests for it.
/// </summary>
internal sealed class MicroHost : IAsyncDisposable
{
    public const string Host = "127.0.0.1:4599";

    private readonly DataDirectory _data;
    private readonly string _dataDir;

    private MicroHost(DataDirectory data, string dataDir, RequestPipeline pipeline, SigV4Verifier verifier, SigV4Signer signer, DateTime now)
    {
        _data = data;
        _dataDir = dataDir;
        Pipeline = pipeline;
        Verifier = verifier;
        Signer = signer;
        Now = now;
    }

    public RequestPipeline Pipeline { get; }
    public SigV4Verifier Verifier { get; }
    public SigV4Signer Signer { get; }

    /// <summary>The instant the verifier's clock is stopped at; sign with it.</summary>
    public DateTime Now { get; }

    public static async Task<MicroHost> StartAsync()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "trent-micro-" + Guid.NewGuid().ToString("N"));
        var options = new TrentOptions { DataDir = dataDir };
        var random = SystemRandomSource.Instance;
        var data = await DataDirectory.OpenAsync(options, random, TimeProvider.System);
        var now = DateTime.UtcNow;
        var clock = new FixedClock(now);

        var composition = new TrentComposition(data, options, random, TimeProvider.System, new TrentMetrics(), signingClock: clock);
        var pipeline = composition.CreateKmsPipeline(NullLogger<RequestPipeline>.Instance);
        var verifier = composition.Identity.KmsVerifier;

        var root = data.CreatedCredentials!;
        var signer = new SigV4Signer(new Credentials(root.AccessKeyId, root.SecretAccessKey), Host);
        return new MicroHost(data, dataDir, pipeline, verifier, signer, now);
    }

    /// <summary>A signed request's headers, as Kestrel would present them.</summary>
    public HeaderDictionary Headers(string operation, byte[] body)
    {
        var signed = Signer.Headers(operation, body, Now);
        return new HeaderDictionary
        {
            ["Host"] = Host,
            ["Content-Type"] = SigV4Signer.ContentType,
            ["X-Amz-Target"] = signed.Target,
            ["X-Amz-Date"] = signed.AmzDate,
            ["Authorization"] = signed.Authorization,
            ["Content-Length"] = body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A context for a signed request whose body stream can be rewound and replayed.</summary>
    public DefaultHttpContext Context(string operation, byte[] body, Stream responseBody)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.Path = "/";
        // Kestrel sets the raw request target; the pipeline reads the path from it, as SigV4 signs it.
        http.Features.Get<IHttpRequestFeature>()!.RawTarget = "/";
        foreach (var (name, value) in Headers(operation, body))
        {
            http.Request.Headers[name] = value;
        }
        http.Request.ContentLength = body.Length;
        http.Request.Body = new MemoryStream(body, writable: false);
        http.Response.Body = responseBody;
        return http;
    }

    /// <summary>One call through the pipeline, for setup: the status and the response text.</summary>
    public async Task<(int Status, string Body)> CallAsync(string operation, string body)
    {
        using var response = new MemoryStream();
        var http = Context(operation, Encoding.UTF8.GetBytes(body), response);
        await Pipeline.HandleAsync(http);
        return (http.Response.StatusCode, Encoding.UTF8.GetString(response.ToArray()));
    }

    public async ValueTask DisposeAsync()
    {
        await _data.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
    }
}
