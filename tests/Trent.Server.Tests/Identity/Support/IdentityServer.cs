using Trent.Server.Tests.Harness;

namespace Trent.Server.Tests.Identity.Support;

/// <summary>
/// One server for a test class whose tests each create their own users and roles (unique names, their own paths for
/// listings) and never move the clock.
/// </summary>
public sealed class IdentityServer : IAsyncLifetime
{
    public TrentServer Server { get; private set; } = null!;

    public Boto Root => Server.Boto();

    public string Account => Server.Root.AccountId;

    /// <summary>A name no other test uses.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];

    public async Task InitializeAsync() => Server = await TrentServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
