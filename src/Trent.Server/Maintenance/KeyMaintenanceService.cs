using Trent.Core;
using Trent.Core.Audit;
using Trent.Core.Keys;
using Trent.Core.Storage;
using Trent.Server.Audit;

namespace Trent.Server.Maintenance;

/// <summary>
/// Background work the clock drives: deletes keys whose waiting period has ended and rotates keys whose next
/// automatic rotation date has passed. With several nodes on one database, only the holder of the
/// <see cref="MaintenanceLease"/> sweeps.
/// </summary>
public sealed partial class KeyMaintenanceService(
    IKeyStore store, KeyLifecycle lifecycle, KeyRotation rotation, TimeProvider clock, TimeSpan interval, ILogger<KeyMaintenanceService> logger,
    MaintenanceLease? lease = null, IAuditSink? audit = null)
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
                await RunOnceAsync(stoppingToken, lease);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                MaintenanceFailed(logger, e);
            }
        }
        while (await WaitForNextTickAsync(timer, stoppingToken));
    }

    private async Task<bool> WaitForNextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (lease is not null)
        {
            try
            {
                using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await lease.ReleaseAsync(bounded.Token);
            }
            catch (Exception e)
            {
                // The lease then runs out by itself.
                MaintenanceFailed(logger, e);
            }
            throw;
        }
    }

    /// <summary>
    /// One sweep over every key that is due; returns how many keys were deleted or rotated. With a
    /// <paramref name="heldUnder"/> lease, each batch first renews it, and the sweep stops when another node holds it.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken ct, MaintenanceLease? heldUnder = null)
    {
        var done = 0;
        while (true)
        {
            if (heldUnder is not null && !await heldUnder.TryHoldAsync(ct))
            {
                return done;
            }
            var now = clock.UtcNowMillis();
            var due = await store.ListKeysDueAsync(now, BatchSize, ct);
            var progressed = 0;
            foreach (var arn in due)
            {
                if (audit is { Refusing: true })
                {
                    // Changes the trail cannot record wait until it can, as requests do.
                    return done;
                }
                // One key that fails (deleted meanwhile, a conflict) must not keep the others from their deadline.
                try
                {
                    if (await lifecycle.DeleteIfDueAsync(arn, now, ct))
                    {
                        KeyDeleted(logger, arn.ToString());
                        await RecordAsync(ServiceEvents.DeleteKey(arn, now));
                        progressed++;
                    }
                    else if (await rotation.RotateIfDueAsync(arn, now, ct))
                    {
                        KeyRotated(logger, arn.ToString());
                        await RecordAsync(ServiceEvents.RotateKey(arn, now));
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

    /// <summary>The AwsServiceEvent of a change already made: if the trail fails now, the failure is logged loudly.</summary>
    private async ValueTask RecordAsync(AuditEvent serviceEvent)
    {
        if (audit is null)
        {
            return;
        }
        try
        {
            await audit.RecordAsync(serviceEvent);
        }
        catch (AuditUnavailableException e)
        {
            ServiceEventLost(logger, serviceEvent.EventName, serviceEvent.Resources![0].Arn, e);
        }
    }

    [LoggerMessage(EventId = 2004, Level = LogLevel.Critical, Message = "The audit trail could not record the {EventName} of key {KeyArn}")]
    private static partial void ServiceEventLost(ILogger logger, string eventName, string keyArn, Exception exception);

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Deleted key {KeyArn}: its deletion waiting period ended")]
    private static partial void KeyDeleted(ILogger logger, string keyArn);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Rotated key {KeyArn} automatically")]
    private static partial void KeyRotated(ILogger logger, string keyArn);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Maintenance of key {KeyArn} failed; the next sweep retries it")]
    private static partial void KeyMaintenanceFailed(ILogger logger, string keyArn, Exception exception);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Key maintenance sweep failed; it will run again")]
    private static partial void MaintenanceFailed(ILogger logger, Exception exception);
}
