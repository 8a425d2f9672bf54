using Trent.Server.Tests.Harness;

namespace Trent.Server.Tests.Wire;

/// <summary>One server shared by a test class, with a raw-socket client and the account root's real key.</summary>
public abstract class ServerFixture(bool dev) : IAsyncLifetime
{
    private TrentServer? _server;

    public TrentServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public KmsWire Wire => new(Server.BaseAddress);

    /// <summary>Requests signed with it are verified, in dev mode too.</summary>
    public WireCredentials Root => new(Server.Root.AccessKeyId, Server.Root.SecretAccessKey);

    public async Task InitializeAsync() => _server = await TrentServer.StartAsync(dev);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>A dev-mode server: unknown access keys are accepted unverified, so generated requests reach the JSON layer.</summary>
public sealed class DevServerFixture() : ServerFixture(dev: true);

/// <summary>A normal server: every request must be signed by a key it knows.</summary>
public sealed class StrictServerFixture() : ServerFixture(dev: false);
