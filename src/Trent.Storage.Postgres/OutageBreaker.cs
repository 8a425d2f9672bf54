namespace Trent.Storage.Postgres;

/// <summary>
/// Once PostgreSQL has failed to answer, calls fail at once instead of each waiting out the connect timeout again (a
/// server that drops packets would otherwise cost every request seconds, cached keys' included): one call at a time,
/// at most every <see cref="ProbeEvery"/>, tries the server, and its success closes the breaker for everyone.
/// </summary>
internal sealed class OutageBreaker
{
    public static readonly TimeSpan ProbeEvery = TimeSpan.FromMilliseconds(500);

    // 0 while the server answers; otherwise Environment.TickCount64 of the last failure or probe start.
    private long _failedAt;
    private int _probing;

    public bool IsOpen => Volatile.Read(ref _failedAt) != 0;

    /// <summary>Whether this call may try the server; when false it fails at once.</summary>
    public bool TryEnter(out bool probe)
    {
        probe = false;
        var failedAt = Volatile.Read(ref _failedAt);
        if (failedAt == 0)
        {
            return true;
        }
        if (Environment.TickCount64 - failedAt < (long)ProbeEvery.TotalMilliseconds || Interlocked.CompareExchange(ref _probing, 1, 0) != 0)
        {
            return false;
        }
        probe = true;
        return true;
    }

    public void Succeeded(bool probe)
    {
        Volatile.Write(ref _failedAt, 0);
        if (probe)
        {
            Volatile.Write(ref _probing, 0);
        }
    }

    public void Failed(bool probe)
    {
        Volatile.Write(ref _failedAt, Math.Max(1, Environment.TickCount64));
        if (probe)
        {
            Volatile.Write(ref _probing, 0);
        }
    }

    /// <summary>A call that neither succeeded nor failed for want of the server (a constraint, a cancellation).</summary>
    public void Left(bool probe)
    {
        if (probe)
        {
            Succeeded(probe);
        }
    }
}
