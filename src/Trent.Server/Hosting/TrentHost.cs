using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Trent.Core.Crypto;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Query;
using Trent.Server.Audit;
using Trent.Server.Maintenance;

namespace Trent.Server.Hosting;

/// <summary>What tests and embedders may replace: the domain clock (key dates, deletion, rotation), randomness, logging.</summary>
public sealed record TrentHostOverrides
{
    public TimeProvider? DomainClock { get; init; }
    public IRandomSource? Random { get; init; }
    public Action<ILoggingBuilder>? Logging { get; init; }
}

/// <summary>A running Trent: Kestrel on the configured URLs, the request pipeline, and the background maintenance.</summary>
public sealed class TrentHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DataDirectory _data;
    private readonly X509Certificate2? _certificate;

    private TrentHost(
        WebApplication app, DataDirectory data, KeyMaintenanceService maintenance, IReadOnlyList<Uri> addresses, X509Certificate2? certificate)
    {
        _app = app;
        _data = data;
        _certificate = certificate;
        Maintenance = maintenance;
        Addresses = addresses;
    }

    /// <summary>The addresses Kestrel bound, with real ports when port 0 was asked for.</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    public Uri BaseAddress => Addresses[0];

    /// <summary>Set when this start initialized the data directory.</summary>
    public RootCredentials? CreatedCredentials => _data.CreatedCredentials;

    public KeyMaintenanceService Maintenance { get; }

    public static async Task<TrentHost> StartAsync(TrentOptions options, TrentHostOverrides? overrides = null, CancellationToken ct = default)
    {
        overrides ??= new TrentHostOverrides();
        var random = overrides.Random ?? SystemRandomSource.Instance;
        var domainClock = overrides.DomainClock ?? TimeProvider.System;
        // Kestrel serves it for the host's life; the host disposes it.
        var certificate = TlsCertificate.For(options);
        DataDirectory data;
        try
        {
            data = await DataDirectory.OpenAsync(options, random, domainClock, ct);
        }
        catch
        {
            certificate?.Dispose();
            throw;
        }
        try
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls(options.Urls);
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(k =>
            {
                k.AddServerHeader = false;
                if (certificate is not null)
                {
                    k.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate);
                }
            });
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(c => c.SingleLine = true);
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            // Hosting starts an Activity for every request whenever this logger is enabled at any level, only to scope the
            // request-start and request-end lines it writes at Information; off, requests run without one. Kestrel still
            // logs application and connection errors under its own category.
            builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
            builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
            overrides.Logging?.Invoke(builder.Logging);

            // The container owns (and disposes) the meter and the composition, which it makes with its logger factory.
            var metrics = new TrentMetrics();
            builder.Services.AddSingleton(_ => metrics);
            builder.Services.AddSingleton(_ => new MetricsEndpoint(metrics));
            builder.Services.AddSingleton(sp => new TrentComposition(
                data, options, random, domainClock, metrics, loggers: sp.GetRequiredService<ILoggerFactory>()));
            builder.Services.AddSingleton(sp => sp.GetRequiredService<TrentComposition>().CreateKmsPipeline(sp.GetRequiredService<ILogger<RequestPipeline>>()));
            builder.Services.AddSingleton(sp => sp.GetRequiredService<TrentComposition>().CreateQueryPipeline(sp.GetRequiredService<ILogger<QueryPipeline>>()));
            builder.Services.AddSingleton(sp => new KeyMaintenanceService(
                sp.GetRequiredService<TrentComposition>().MaintenanceKeys, sp.GetRequiredService<TrentComposition>().Kms.Lifecycle,
                sp.GetRequiredService<TrentComposition>().Kms.Rotation, domainClock,
                options.MaintenanceInterval, sp.GetRequiredService<ILogger<KeyMaintenanceService>>(),
                new MaintenanceLease(data.Store.Leases, options.MaintenanceInterval), sp.GetRequiredService<TrentComposition>().Audit));
            builder.Services.AddHostedService(sp => sp.GetRequiredService<KeyMaintenanceService>());
            builder.Services.AddHostedService(sp => new KeyUsageFlushService(
                sp.GetRequiredService<TrentComposition>().KeyUsage, sp.GetRequiredService<TrentComposition>().TrackingStart,
                options.Audit.KeyUsageFlushInterval, sp.GetRequiredService<ILogger<KeyUsageFlushService>>()));

            var app = builder.Build();
            // Composed first: it opens the audit trail, and a start that cannot record must stop here.
            app.Services.GetRequiredService<TrentComposition>();
            // Other nodes' changes must reach the caches before the first request is served.
            await data.StartChangeFeedAsync(app.Services.GetRequiredService<ILoggerFactory>(), ct);
            var pipeline = app.Services.GetRequiredService<RequestPipeline>();
            var queryPipeline = app.Services.GetRequiredService<QueryPipeline>();
            var metricsEndpoint = app.Services.GetRequiredService<MetricsEndpoint>();
            app.Run(http =>
                IsHealthCheck(http.Request) ? WriteHealthAsync(http.Response)
                : MetricsEndpoint.Matches(http.Request) ? metricsEndpoint.WriteAsync(http.Response)
                : QueryPipeline.Accepts(http.Request) ? queryPipeline.HandleAsync(http)
                : pipeline.HandleAsync(http));
            await app.StartAsync(ct);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
                .Select(a => new Uri(a.Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)))
                .ToList();
            return new TrentHost(app, data, app.Services.GetRequiredService<KeyMaintenanceService>(), addresses, certificate);
        }
        catch
        {
            await data.DisposeAsync();
            certificate?.Dispose();
            throw;
        }
    }

    private static bool IsHealthCheck(HttpRequest request) => HttpMethods.IsGet(request.Method) && request.Path == "/health";

    private static Task WriteHealthAsync(HttpResponse response)
    {
        response.ContentType = "application/json";
        return response.WriteAsync("{\"status\":\"ok\"}");
    }

    public Task WaitForShutdownAsync(CancellationToken ct = default) => _app.WaitForShutdownAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _data.DisposeAsync();
        _certificate?.Dispose();
    }
}
