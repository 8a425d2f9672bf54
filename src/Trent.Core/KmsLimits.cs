namespace Trent.Core;

/// <summary>Quotas and ranges that AWS fixes and a self-hosted deployment may want to change.</summary>
public sealed record KmsLimits
{
    public long KeysPerAccountAndRegion { get; init; } = 100_000;
    public int AliasesPerKey { get; init; } = 50;
    public int OnDemandRotationsPerKey { get; init; } = 25;
    public int GrantsPerKey { get; init; } = 50_000;
    public int MinPendingWindowInDays { get; init; } = 7;
    public int MaxPendingWindowInDays { get; init; } = 30;

    /// <summary>Offer the SM2 key spec in every region, not only in the China Regions as AWS does.</summary>
    public bool Sm2Everywhere { get; init; }
}
