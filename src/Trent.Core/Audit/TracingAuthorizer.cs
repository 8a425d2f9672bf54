using Trent.Core.Authorization;
using Trent.Core.Keys;

namespace Trent.Core.Audit;

/// <summary>
/// Notes every key a request asks to act on in its <see cref="RequestTrace"/> before the decision, so that denied
/// requests name their key too. Every key operation is authorized, which makes this the one place that sees them all.
/// </summary>
public sealed class TracingAuthorizer(IAuthorizer inner) : IAuthorizer
{
    public ValueTask AuthorizeAsync(KmsRequestContext ctx, AuthorizationRequest request, CancellationToken ct = default)
    {
        if (ctx.Trace is { } trace)
        {
            if (request.Key is { } key)
            {
                trace.TouchKey(key.Arn.ToString());
            }
            else if (request.ResourceArn is { } arn && IsKeyArn(arn))
            {
                trace.TouchKey(arn);
            }
        }
        return inner.AuthorizeAsync(ctx, request, ct);
    }

    public ValueTask<bool> AllowsPolicyUpdateAsync(KmsRequestContext ctx, KmsKey keyWithNewPolicy, CancellationToken ct = default) =>
        inner.AllowsPolicyUpdateAsync(ctx, keyWithNewPolicy, ct);

    private static bool IsKeyArn(string arn) => arn.StartsWith("arn:", StringComparison.Ordinal) && arn.Contains(":key/", StringComparison.Ordinal);
}
