using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Trent.Core;
using Trent.Core.Authorization;
using Trent.Core.Crypto;
using Trent.Core.Keys;
using Trent.Protocol.Auth;
using Trent.Protocol.Dispatch;
using Trent.Server.Identity;
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

    private TrentHost(WebApplication app, DataDirectory data, KeyMaintenanceService maintenance, IReadOnlyList<Uri> addresses)
    {
        _app = app;
        _data = data;
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
        var data = await DataDirectory.OpenAsync(options, random, domainClock, ct);
        try
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls(options.Urls);
            builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(c => c.SingleLine = true);
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
            overrides.Logging?.Invoke(builder.Logging);

            var limits = new KmsLimits();
            var catalog = new KeyCatalog(data.Store.Keys, data.RootKey, new KeyCache(), random);
            var access = new KeyAccess(catalog, new AccountBoundaryAuthorizer());
            var lifecycle = new KeyLifecycle(access, random, limits);
            var rotation = new KeyRotation(access, limits);
            var services = new KmsServices(lifecycle, rotation, new AliasService(access, limits), new KeyAttributes(access), new SymmetricCrypto(access, random));
            var verifier = new SigV4Verifier(new StoredAccessKeys(data.Store.Identity, data.RootKey), TimeProvider.System,
                new SigV4Options { DevMode = options.Dev, DevAccountId = options.AccountId });

            builder.Services.AddSingleton(sp => new RequestPipeline(
                OperationTable.Create(services), verifier, domainClock, sp.GetRequiredService<ILogger<RequestPipeline>>()));
            builder.Services.AddSingleton(sp => new KeyMaintenanceService(
                data.Store.Keys, lifecycle, rotation, domainClock, options.MaintenanceInterval, sp.GetRequiredService<ILogger<KeyMaintenanceService>>()));
            builder.Services.AddHostedService(sp => sp.GetRequiredService<KeyMaintenanceService>());

            var app = builder.Build();
            var pipeline = app.Services.GetRequiredService<RequestPipeline>();
            app.Run(http => IsHealthCheck(http.Request) ? WriteHealthAsync(http.Response) : pipeline.HandleAsync(http));
            await app.StartAsync(ct);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
                .Select(a => new Uri(a.Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)))
                .ToList();
            return new TrentHost(app, data, app.Services.GetRequiredService<KeyMaintenanceService>(), addresses);
        }
        catch
        {
            await data.DisposeAsync();
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
    }
}
