namespace Trent.Protocol.Wire;

/// <summary>
/// The Limit of List operations: the model allows 1..1000 (checked by the validator); values above an operation's
/// documented maximum are clamped to it, which keeps SDK paginators working.
/// </summary>
public static class PageLimit
{
    public static int Of(int? requested, int defaultLimit, int max) => Math.Min(requested ?? defaultLimit, max);
}
