using Trent.Core.Identity;
using Trent.Core.Keys;

namespace Trent.Core.Authorization.Grants;

/// <summary>
/// One grant on one KMS key: it lets <see cref="GranteePrincipal"/> perform <see cref="Operations"/> on the key,
/// optionally only with a matching encryption context. Grants only allow; they live until retired, revoked, or
/// the key is deleted.
/// </summary>
/// <param name="GrantId">64 lowercase hex digits.</param>
/// <param name="Operations">Grant operation names (<c>Encrypt</c>, <c>ReEncryptFrom</c>, ...), without duplicates.</param>
public sealed record Grant(
    string GrantId,
    KeyArn KeyArn,
    string GranteePrincipal,
    string? RetiringPrincipal,
    IReadOnlyList<string> Operations,
    GrantConstraints? Constraints,
    string? Name,
    DateTimeOffset CreationDate)
{
    /// <summary>The root of the key's account, which issues every grant on the key.</summary>
    public string IssuingAccount => CallerIdentity.RootArn(KeyArn.AccountId, KeyArn.Partition);

    public bool Allows(string operation) => Operations.Contains(operation, StringComparer.Ordinal);

    /// <summary>
    /// Whether a CreateGrant with a Name would create this very grant again: same grantee, retiring principal,
    /// operations (in any order) and constraints. AWS then returns this grant's id instead of a new grant.
    /// </summary>
    public bool HasParameters(string granteePrincipal, string? retiringPrincipal, IReadOnlyCollection<string> operations, GrantConstraints? constraints) =>
        GranteePrincipal == granteePrincipal
        && RetiringPrincipal == retiringPrincipal
        && Operations.Count == operations.Count
        && Operations.All(operations.Contains)
        && GrantConstraints.AreEqual(Constraints, constraints);
}
