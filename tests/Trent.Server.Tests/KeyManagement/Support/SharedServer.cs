using Amazon.KeyManagementService;
using Trent.Server.Tests.Harness;

namespace Trent.Server.Tests.KeyManagement.Support;

/// <summary>
/// One server for a test class whose tests each work on their own keys and never move the clock or count the
/// account's keys.
/// </summary>
public sealed class SharedServer : IAsyncLifetime
{
    public TrentServer Server { get; private set; } = null!;

    public AmazonKeyManagementServiceClient Kms { get; private set; } = null!;

    public string Account => Server.Root.AccountId;

    public async Task InitializeAsync()
    {
        Server = await TrentServer.StartAsync();
        Kms = Server.Kms();
    }

    public async Task DisposeAsync()
    {
        Kms.Dispose();
        await Server.DisposeAsync();
    }
}
