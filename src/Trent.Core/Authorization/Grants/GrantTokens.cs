namespace Trent.Core.Authorization.Grants;

/// <summary>
/// Grant tokens presented with a request. Each must be a token Trent issued for a grant that still exists; a token
/// of a retired or revoked grant, of a deleted key's grant, or anything else is refused with InvalidGrantTokenException.
/// </summary>
public sealed class GrantTokens(GrantTokenCodec codec, GrantCache cache)
{
    public async ValueTask ValidateAsync(IReadOnlyList<string>? tokens, CancellationToken ct = default)
    {
        foreach (var token in tokens ?? [])
        {
            var named = codec.Open(token) ?? throw Invalid();
            // A grant missing from the cached view may be newer than it: the store decides.
            if ((await cache.GetAsync(named.Key, ct)).Find(named.GrantId) is null
                && (await cache.LoadAsync(named.Key, ct)).Find(named.GrantId) is null)
            {
                throw Invalid();
            }
        }
    }

    public static KmsException Invalid() => new(KmsErrorCode.InvalidGrantTokenException, "The grant token is not valid.");
}
