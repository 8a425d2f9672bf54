using Trent.Core;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Server.Maintenance;

/// <summary>
/// Background work the clock drives: deletes keys whose waiting period has ended and rotates keys whose next
/// automatic rotation date has passed.
/// </summary>
public sealed partial class KeyMaintenanceService(
    IKeyStore store, KeyLifecycle lifecycle, KeyRotation rotation, TimeProvider clock, TimeSpan interval, ILogger<KeyMaintenanceService> logger)
    : BackgroundService
{
    private const int BatchSize = 500;

    // PeriodicTimer refuses periods above 2^32-2 ms (about 49.7 days), and throwing here would stop the host. A longer
    // interval ticks at that pace and sweeps once the whole interval has passed.
    private static readonly TimeSpan MaxTimerPeriod = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval > MaxTimerPeriod ? MaxTimerPeriod : interval, clock);
        DateTimeOffset? lastSweep = null;
        do
        {
            if (lastSweep is { } last && clock.GetUtcNow() - last < interval)
            {
                continue;
            }
            lastSweep = clock.GetUtcNow();
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                MaintenanceFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One sweep over every key that is due; returns how many keys were deleted or rotated.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var done = 0;
        while (true)
        {
            var now = clock.UtcNowMillis();
            var due = await store.ListKeysDueAsync(now, BatchSize, ct);
            var progressed = 0;
            foreach (var arn in due)
            {
                // One key that fails (deleted meanwhile, a conflict) must not keep the others from their deadline.
                try
                {
                    if (await lifecycle.DeleteIfDueAsync(arn, now, ct))
                    {
                        KeyDeleted(logger, arn.ToString());
                        progressed++;
                    }
                    else if (await rotation.RotateIfDueAsync(arn, now, ct))
                    {
                        KeyRotated(logger, arn.ToString());
                        progressed++;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    KeyMaintenanceFailed(logger, arn.ToString(), e);
                }
            }
            done += progressed;
            if (due.Count < BatchSize || progressed == 0)
            {
                return done;
            }
        }
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Deleted key {KeyArn}: its deletion waiting period ended")]
    private static partial void KeyDeleted(ILogger logger, string keyArn);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Rotated key {KeyArn} automatically")]
    private static partial void KeyRotated(ILogger logger, string keyArn);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Maintenance of key {KeyArn} failed; the next sweep retries it")]
    private static partial void KeyMaintenanceFailed(ILogger logger, string keyArn, Exception exception);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Key maintenance sweep failed; it will run again")]
    private static partial void MaintenanceFailed(ILogger logger, Exception exception);
}
