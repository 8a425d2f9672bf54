namespace Trent.Protocol.Auth;

/// <summary>How strictly requests are authenticated.</summary>
public sealed record SigV4Options
{
    /// <summary>Requests may be signed this far from the server's clock, either way (AWS: 5 minutes).</summary>
    public TimeSpan AllowedClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Dev mode: an access key id Trent does not know authenticates, unverified, as the root of
    /// <see cref="DevAccountId"/>. Known keys are always verified.
    /// </summary>
    public bool DevMode { get; init; }

    public string DevAccountId { get; init; } = "111122223333";

    /// <summary>
    /// Signing names a credential scope may carry (SigV4 service names, lowercase). The first is the one
    /// named in the error for any other service.
    /// </summary>
    public IReadOnlyList<string> Services { get; init; } = ["kms"];
}
