using Trent.Core.Keys;

namespace Trent.Core.Authorization.Grants;

/// <summary>
/// Checks the grant tokens a request presents before the inner authorizer decides. Every operation that takes
/// GrantTokens passes them in its <see cref="AuthorizationRequest"/>, so this one place validates them all; a bad
/// token fails the request even when a policy alone would allow it, as AWS answers.
/// </summary>
public sealed class GrantTokenValidatingAuthorizer(IAuthorizer inner, GrantTokens tokens) : IAuthorizer
{
    public async ValueTask AuthorizeAsync(KmsRequestContext ctx, AuthorizationRequest request, CancellationToken ct = default)
    {
        await tokens.ValidateAsync(request.GrantTokens, ct);
        await inner.AuthorizeAsync(ctx, request, ct);
    }

    public ValueTask<bool> AllowsPolicyUpdateAsync(KmsRequestContext ctx, KmsKey keyWithNewPolicy, CancellationToken ct = default) =>
        inner.AllowsPolicyUpdateAsync(ctx, keyWithNewPolicy, ct);
}
