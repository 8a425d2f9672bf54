using Amazon.KeyManagementService;
using Trent.Server.Tests.Harness;

namespace Trent.Server.Tests.Audit.Support;

/// <summary>One server for audit tests that each find their own records by request id.</summary>
public sealed class AuditServer : IAsyncLifetime
{
    public TrentServer Server { get; private set; } = null!;

    public AmazonKeyManagementServiceClient Kms { get; private set; } = null!;

    public string Account => Server.Root.AccountId;

    public string RootArn => $"arn:aws:iam::{Account}:root";

    public string AuditDirectory => Server.AuditDirectory;

    public EveryOperation Operations => new(Kms, Account);

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
