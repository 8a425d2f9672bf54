namespace Trent.Server.Audit;

/// <summary>Where and how the audit trail is written.</summary>
public sealed record AuditOptions
{
    /// <summary>The trail's directory; null means <c>&lt;data-dir&gt;/audit</c>.</summary>
    public string? Directory { get; init; }

    /// <summary>
    /// Serve requests even when the trail cannot record them (events are dropped and the failure logged). For development
    /// only: a security team cannot trust a trail that may have gaps.
    /// </summary>
    public bool FailOpen { get; init; }

    /// <summary>A trail file is closed (and gets its digest) once it reaches this size...</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>...or this age, whichever comes first.</summary>
    public TimeSpan MaxFileAge { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How often written records are forced to disk. Every answered request's record has reached the operating system, so
    /// a crash of Trent loses nothing; a power loss may lose what was written in this last interval.
    /// </summary>
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How many records may wait for the writer before requests wait to hand theirs over.</summary>
    public int QueueCapacity { get; init; } = 16 * 1024;

    /// <summary>How often the last usage of keys (GetKeyLastUsage) is written to the store.</summary>
    public TimeSpan KeyUsageFlushInterval { get; init; } = TimeSpan.FromSeconds(5);

    public string DirectoryFor(string dataDir) => Directory ?? Path.Combine(dataDir, "audit");
}
