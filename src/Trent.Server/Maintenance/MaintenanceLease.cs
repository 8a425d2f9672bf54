using System.Security.Cryptography;
using Trent.Core.Storage;

namespace Trent.Server.Maintenance;

/// <summary>
/// The lease under which one node at a time deletes and rotates keys. It runs three sweep intervals, is renewed
/// before every batch, and is taken over by another node once its holder has stopped renewing it (a crash).
/// </summary>
public sealed class MaintenanceLease(ILeaseStore leases, TimeSpan interval)
{
    public const string Name = "key-maintenance";

    private static readonly TimeSpan MinDuration = TimeSpan.FromSeconds(3);

    /// <summary>This process, unique among the nodes and across restarts.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    public TimeSpan Duration { get; } = interval * 3 > MinDuration ? interval * 3 : MinDuration;

    /// <summary>Takes or renews the lease; false while another node holds it.</summary>
    public ValueTask<bool> TryHoldAsync(CancellationToken ct) => leases.TryAcquireAsync(Name, Holder, Duration, ct);

    /// <summary>Hands the lease on at shutdown, so that another node need not wait for it to run out.</summary>
    public ValueTask ReleaseAsync(CancellationToken ct) => leases.ReleaseAsync(Name, Holder, ct);
}
