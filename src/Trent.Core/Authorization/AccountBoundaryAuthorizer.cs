namespace Trent.Core.Authorization;

/// <summary>
/// Account isolation: principals act on the resources of their own account only. This is what AWS decides for an
/// account's root under the default key policy; key policies, identity policies and grants refine it in
/// the policy evaluator.
/// </summary>
public sealed class AccountBoundaryAuthorizer : IAuthorizer
{
    public void Authorize(KmsRequestContext ctx, AuthorizationRequest request)
    {
        var owner = request.Key?.Arn.AccountId;
        if (owner is not null && owner != ctx.AccountId)
        {
            throw AccessDenied.NoResourcePolicyAllows(ctx.Caller.PrincipalArn, request.Action, request.ResourceArn ?? request.Key!.Arn.ToString());
        }
    }
}
