using Trent.Core.Identity;

namespace Trent.Core.Authorization;

/// <summary>An identity-based policy attached to a principal, by name.</summary>
public sealed record NamedPolicy(string Name, string Document);

/// <summary>The identity-based policies that apply to a caller (a user's inline policies, or its role's).</summary>
public interface IIdentityPolicies
{
    ValueTask<IReadOnlyList<NamedPolicy>> ForAsync(CallerIdentity caller, CancellationToken ct = default);
}
