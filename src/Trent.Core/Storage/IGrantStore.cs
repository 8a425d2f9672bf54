using Trent.Core.Authorization.Grants;
using Trent.Core.Keys;

namespace Trent.Core.Storage;

/// <summary>What a grant insert came to.</summary>
public enum GrantCreation
{
    Created,

    /// <summary>The key does not exist (it was deleted meanwhile); nothing was stored.</summary>
    KeyNotFound,

    /// <summary>The key already holds the maximum number of grants; nothing was stored.</summary>
    LimitExceeded,
}

/// <summary>A position in a grant listing: listings run in (creation date, grant id) order.</summary>
public sealed record GrantPosition(DateTimeOffset CreationDate, string GrantId)
{
    public static GrantPosition After(Grant grant) => new(grant.CreationDate, grant.GrantId);
}

/// <summary>Grants on keys. Every method is one transaction; deleting a key deletes its grants with it.</summary>
public interface IGrantStore
{
    /// <summary>Inserts a grant unless its key is missing or already holds <paramref name="maxGrantsPerKey"/> grants.</summary>
    ValueTask<GrantCreation> TryCreateAsync(Grant grant, int maxGrantsPerKey, CancellationToken ct = default);

    ValueTask<Grant?> GetAsync(KeyArn key, string grantId, CancellationToken ct = default);

    /// <summary>The key's grants with this name, in listing order (a name is not unique).</summary>
    ValueTask<IReadOnlyList<Grant>> FindByNameAsync(KeyArn key, string name, CancellationToken ct = default);

    /// <summary>The key's grants after <paramref name="after"/>, optionally only the one with an id or those of a grantee.</summary>
    ValueTask<IReadOnlyList<Grant>> ListByKeyAsync(
        KeyArn key, string? grantId, string? granteePrincipal, GrantPosition? after, int limit, CancellationToken ct = default);

    /// <summary>Grants naming this retiring principal on keys of any account in the region, after <paramref name="after"/>.</summary>
    ValueTask<IReadOnlyList<Grant>> ListByRetiringPrincipalAsync(
        string region, string retiringPrincipal, GrantPosition? after, int limit, CancellationToken ct = default);

    ValueTask<bool> DeleteAsync(KeyArn key, string grantId, CancellationToken ct = default);

    ValueTask<int> CountAsync(KeyArn key, CancellationToken ct = default);
}
