using System.Collections.Frozen;

namespace Trent.Core.Authorization.Grants;

/// <summary>All grants of one key as loaded at one moment, indexed by id and by grantee for the authorization hot path.</summary>
public sealed class KeyGrants
{
    private readonly FrozenDictionary<string, Grant> _byId;
    private readonly FrozenDictionary<string, Grant[]> _byGrantee;

    public KeyGrants(IReadOnlyCollection<Grant> grants)
    {
        _byId = grants.ToFrozenDictionary(g => g.GrantId, StringComparer.Ordinal);
        _byGrantee = grants.GroupBy(g => g.GranteePrincipal, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public int Count => _byId.Count;

    public Grant? Find(string grantId) => _byId.GetValueOrDefault(grantId);

    /// <summary>The grants whose grantee is exactly <paramref name="principal"/>.</summary>
    public IReadOnlyList<Grant> ForGrantee(string principal) => _byGrantee.GetValueOrDefault(principal) ?? [];
}
