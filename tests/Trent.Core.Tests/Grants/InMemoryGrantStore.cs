using Trent.Core.Authorization.Grants;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Core.Tests.Grants;

/// <summary>A list-backed <see cref="IGrantStore"/> that counts its reads, for tests of what sits above the store.</summary>
internal sealed class InMemoryGrantStore : IGrantStore
{
    private readonly List<Grant> _grants = [];

    public int Reads { get; private set; }

    public ValueTask<GrantCreation> TryCreateAsync(Grant grant, int maxGrantsPerKey, CancellationToken ct = default)
    {
        if (_grants.Count(g => g.KeyArn == grant.KeyArn) >= maxGrantsPerKey)
        {
            return ValueTask.FromResult(GrantCreation.LimitExceeded);
        }
        _grants.Add(grant);
        return ValueTask.FromResult(GrantCreation.Created);
    }

    public ValueTask<Grant?> GetAsync(KeyArn key, string grantId, CancellationToken ct = default) =>
        Read(_grants.SingleOrDefault(g => g.KeyArn == key && g.GrantId == grantId));

    public ValueTask<IReadOnlyList<Grant>> FindByNameAsync(KeyArn key, string name, CancellationToken ct = default) =>
        Read<IReadOnlyList<Grant>>(Ordered(_grants.Where(g => g.KeyArn == key && g.Name == name)).ToList());

    public ValueTask<IReadOnlyList<Grant>> ListByKeyAsync(
        KeyArn key, string? grantId, string? granteePrincipal, GrantPosition? after, int limit, CancellationToken ct = default) =>
        Read<IReadOnlyList<Grant>>(Ordered(_grants.Where(g => g.KeyArn == key
                && (grantId is null || g.GrantId == grantId)
                && (granteePrincipal is null || g.GranteePrincipal == granteePrincipal)
                && IsAfter(g, after)))
            .Take(limit).ToList());

    public ValueTask<IReadOnlyList<Grant>> ListByRetiringPrincipalAsync(
        string region, string retiringPrincipal, GrantPosition? after, int limit, CancellationToken ct = default) =>
        Read<IReadOnlyList<Grant>>(Ordered(_grants.Where(g => g.KeyArn.Region == region && g.RetiringPrincipal == retiringPrincipal && IsAfter(g, after)))
            .Take(limit).ToList());

    public ValueTask<bool> DeleteAsync(KeyArn key, string grantId, CancellationToken ct = default) =>
        ValueTask.FromResult(_grants.RemoveAll(g => g.KeyArn == key && g.GrantId == grantId) > 0);

    public ValueTask<int> CountAsync(KeyArn key, CancellationToken ct = default) => Read(_grants.Count(g => g.KeyArn == key));

    private ValueTask<T> Read<T>(T value)
    {
        Reads++;
        return ValueTask.FromResult(value);
    }

    private static IEnumerable<Grant> Ordered(IEnumerable<Grant> grants) =>
        grants.OrderBy(g => g.CreationDate).ThenBy(g => g.GrantId, StringComparer.Ordinal);

    private static bool IsAfter(Grant g, GrantPosition? after) =>
        after is null || g.CreationDate > after.CreationDate
        || (g.CreationDate == after.CreationDate && string.CompareOrdinal(g.GrantId, after.GrantId) > 0);
}
