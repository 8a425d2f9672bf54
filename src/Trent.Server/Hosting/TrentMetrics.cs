using System.Diagnostics.Metrics;

namespace Trent.Server.Hosting;

/// <summary>
/// The <c>Trent</c> meter and its instruments. One instance per host, so that two hosts in one process (tests) keep
/// separate counts: the exporter listens to this instance, not to every meter that happens to share the name.
/// </summary>
public sealed class TrentMetrics : IDisposable
{
    public const string MeterName = "Trent";

    public TrentMetrics()
    {
        Meter = new Meter(MeterName);
        StorageCalls = Meter.CreateCounter<long>(
            "trent.storage.calls", unit: "{call}",
            description: "Calls Trent made to its storage ports, by port and operation. The cryptographic hot path makes none once a key is cached.");
    }

    public Meter Meter { get; }

    public Counter<long> StorageCalls { get; }

    public void Dispose() => Meter.Dispose();
}
