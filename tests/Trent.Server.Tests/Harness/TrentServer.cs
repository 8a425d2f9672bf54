using Amazon.KeyManagementService;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Trent.Core.Crypto;
using Trent.Server.Audit;
using Trent.Server.Hosting;

namespace Trent.Server.Tests.Harness;

/// <summary>
/// A real Trent listening on 127.0.0.1 (a free port) over a fresh data directory, and AWS SDK clients for it.
/// The domain clock is a <see cref="FakeTimeProvider"/> starting at the real time, so tests can move key dates
/// (deletion, rotation) forward; SigV4 always checks the real clock, as the SDK signs with it.
/// </summary>
public sealed class TrentServer : IAsyncDisposable
{
    public const string Region = "us-east-1";

    private TrentServer(TrentHost host, string dataDir, FakeTimeProvider clock, RootCredentials root, CapturedLog log)
    {
        Host = host;
        DataDir = dataDir;
        Clock = clock;
        Root = root;
        Log = log;
    }

    public TrentHost Host { get; private set; }
    public string DataDir { get; }
    public FakeTimeProvider Clock { get; }
    public RootCredentials Root { get; }

    /// <summary>Everything the server logged, for tests that check what must never be logged.</summary>
    public CapturedLog Log { get; }

    public Uri BaseAddress => Host.BaseAddress;

    /// <summary>Starts a server; <paramref name="dataDir"/> reuses a data directory (a restart), else a new one is made.</summary>
    /// <param name="random">Replaces the server's randomness (tests that make it fail).</param>
    /// <param name="sm2Everywhere">Offer SM2 outside the China Regions (<c>--sm2-everywhere</c>).</param>
    /// <param name="audit">The audit trail's settings (directory, fail-open, rotation); the defaults when null.</param>
    /// <param name="tls">PEM certificate and key files: the server then listens on https only.</param>
    public static async Task<TrentServer> StartAsync(
        bool dev = false, string? dataDir = null, FakeTimeProvider? clock = null, CapturedLog? log = null, IRandomSource? random = null,
        bool sm2Everywhere = false, AuditOptions? audit = null, (string Certificate, string Key)? tls = null)
    {
        dataDir ??= Path.Combine(Path.GetTempPath(), "trent-test-" + Guid.NewGuid().ToString("N"));
        clock ??= new FakeTimeProvider(DateTimeOffset.UtcNow);
        log ??= new CapturedLog();
        var options = new TrentOptions
        {
            DataDir = dataDir,
            Urls = tls is null ? "http://127.0.0.1:0" : "https://127.0.0.1:0",
            TlsCertificateFile = tls?.Certificate,
            TlsKeyFile = tls?.Key,
            Dev = dev,
            MaintenanceInterval = TimeSpan.FromDays(365),
            Sm2Everywhere = sm2Everywhere,
            Audit = audit ?? new AuditOptions(),
        };
        var host = await TrentHost.StartAsync(options, new TrentHostOverrides
        {
            DomainClock = clock,
            Random = random,
            Logging = logging =>
            {
                logging.SetMinimumLevel(LogLevel.Debug);
                logging.AddProvider(log);
            },
        });
        var root = host.CreatedCredentials ?? RootCredentials.Read(options.RootCredentialsPath);
        return new TrentServer(host, dataDir, clock, root, log) { AuditOptions = options.Audit, AuditDirectory = options.AuditDirectory };
    }

    public AuditOptions AuditOptions { get; private init; } = new();

    /// <summary>Where this server writes its audit trail.</summary>
    public string AuditDirectory { get; private init; } = "";

    /// <summary>Stops the server and starts a new one on the same data directory and clock.</summary>
    public async Task RestartAsync()
    {
        await Host.DisposeAsync();
        Host = (await StartAsync(dataDir: DataDir, clock: Clock, log: Log, audit: AuditOptions)).Host;
    }

    /// <summary>A KMS client signing as the account root, with retries off so each call is one request.</summary>
    public AmazonKeyManagementServiceClient Kms(string region = Region) => KmsAs(Root.AccessKeyId, Root.SecretAccessKey, region);

    public AmazonKeyManagementServiceClient KmsAs(string accessKeyId, string secretAccessKey, string region = Region) =>
        new(new BasicAWSCredentials(accessKeyId, secretAccessKey), new AmazonKeyManagementServiceConfig
        {
            ServiceURL = BaseAddress.ToString(),
            AuthenticationRegion = region,
            MaxErrorRetry = 0,
        });

    /// <summary>Runs the background maintenance sweep now (deletion and automatic rotation) at the fake clock's time.</summary>
    public Task<int> RunMaintenanceAsync() => Host.Maintenance.RunOnceAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
