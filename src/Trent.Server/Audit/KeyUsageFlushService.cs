using Trent.Core.Audit;

namespace Trent.Server.Audit;

/// <summary>
/// Writes the key usage GetKeyLastUsage reports from memory to the store every <see cref="AuditOptions.KeyUsageFlushInterval"/>
/// and once more when Trent stops, so that the request path never writes it. Also fixes this deployment's tracking start
/// on its first start.
/// </summary>
public sealed partial class KeyUsageFlushService(KeyUsageTracker tracker, TrackingStart trackingStart, TimeSpan interval, ILogger<KeyUsageFlushService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await trackingStart.GetAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // GetKeyLastUsage sets it on first use instead.
            FlushFailed(logger, e);
        }
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await FlushAsync(stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        try
        {
            await tracker.FlushAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Kept in memory and written by the next flush.
            FlushFailed(logger, e);
        }
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Key usage could not be written to the store; the next flush retries")]
    private static partial void FlushFailed(ILogger logger, Exception exception);
}
