namespace Trent.Storage.Postgres;

/// <summary>
/// Once PostgreSQL has failed to answer, calls fail at once instead of each waiting out the timeouts again (a server
/// that drops packets would otherwise cost every request seconds, cached keys' included). No request is used to find
/// out whether the server is back: a background probe tries it every <see cref="ProbeEvery"/>, and its success lets
/// calls through again.
/// </summary>
internal sealed class OutageBreaker(Func<CancellationToken, Task> probe)
{
    public static readonly TimeSpan ProbeEvery = TimeSpan.FromMilliseconds(500);

    // Not disposed: it has no timer, and a probe stuck on a silent server may still hold its token after shutdown.
    private readonly CancellationTokenSource _stop = new();
    private int _open;

    public bool IsOpen => Volatile.Read(ref _open) == 1;

    /// <summary>A call failed for want of the server: calls fail at once until a probe gets an answer.</summary>
    public void Failed()
    {
        if (Interlocked.Exchange(ref _open, 1) == 0 && !_stop.IsCancellationRequested)
        {
            _ = Task.Run(ProbeUntilAnsweredAsync, CancellationToken.None);
        }
    }

    /// <summary>Stops probing; a probe waiting on a silent server is not waited for.</summary>
    public void Stop() => _stop.Cancel();

    private async Task ProbeUntilAnsweredAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ProbeEvery, _stop.Token);
                await probe(_stop.Token);
                Volatile.Write(ref _open, 0);
                return;
            }
            catch (Exception) when (!_stop.IsCancellationRequested)
            {
                // Still away: the next probe follows.
            }
            catch (Exception)
            {
                // Stopped: whatever the cancellation broke does not matter any more.
                return;
            }
        }
    }
}
