namespace Trent.Core.Authorization;

/// <summary>
/// Grant tokens presented with a request. A token must name a live grant; this store holds no grants, so every
/// presented token is refused as AWS refuses the token of a retired grant.
/// </summary>
public static class GrantTokens
{
    public static void Validate(IReadOnlyList<string>? tokens)
    {
        if (tokens is { Count: > 0 })
        {
            throw new KmsException(KmsErrorCode.InvalidGrantTokenException, "The grant token is not valid.");
        }
    }
}
