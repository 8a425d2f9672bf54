using Trent.Core.Authorization.Grants;

namespace Trent.Protocol.Wire;

/// <summary>Grants as ListGrants and ListRetirableGrants show them.</summary>
public static class GrantMapper
{
    /// <summary>KeyId is the key ARN; a name, retiring principal or constraint the grant lacks is omitted.</summary>
    public static GrantListEntry ToWire(Grant grant) => new()
    {
        KeyId = grant.KeyArn.ToString(),
        GrantId = grant.GrantId,
        Name = grant.Name,
        CreationDate = grant.CreationDate,
        GranteePrincipal = grant.GranteePrincipal,
        RetiringPrincipal = grant.RetiringPrincipal,
        IssuingAccount = grant.IssuingAccount,
        Operations = grant.Operations,
        Constraints = grant.Constraints is { } c
            ? new GrantConstraints(Copy(c.EncryptionContextSubset), Copy(c.EncryptionContextEquals))
            : null,
    };

    private static Dictionary<string, string>? Copy(IReadOnlyDictionary<string, string>? pairs) =>
        pairs is null ? null : new Dictionary<string, string>(pairs, StringComparer.Ordinal);
}
