using Trent.Core.Authorization;
using Trent.Core.Authorization.Policies;

namespace Trent.Core.Identity.Iam;

/// <summary>
/// Authorizes IAM actions (and the caller's side of sts:AssumeRole) by identity policies: the account root may do
/// anything in its account; anyone else needs an identity policy that allows the action on the resource, and no
/// explicit deny.
/// </summary>
public sealed class IamAuthorizer(IIdentityPolicies identityPolicies, PolicyCache policyCache)
{
    public async ValueTask AuthorizeAsync(KmsRequestContext ctx, string action, string resourceArn, CancellationToken ct)
    {
        var caller = ctx.Caller;
        if (caller.PrincipalType == PrincipalType.Root)
        {
            return;
        }
        var decision = await EvaluateAsync(ctx, action, resourceArn, RequestConditions.Global(ctx), ct);
        if (decision.ExplicitDeny)
        {
            throw AccessDenied.ExplicitDenyInIdentityPolicy(caller.PrincipalArn, action, resourceArn);
        }
        if (decision.Allow == PrincipalMatch.None)
        {
            throw AccessDenied.NoIdentityPolicyAllows(caller.PrincipalArn, action, resourceArn);
        }
    }

    /// <summary>What the caller's identity policies, taken together, say about the action on the resource.</summary>
    public async ValueTask<PolicyDecision> EvaluateAsync(
        KmsRequestContext ctx, string action, string resourceArn, ConditionValues conditions, CancellationToken ct)
    {
        var policies = await identityPolicies.ForAsync(ctx.Caller, ct);
        var deny = false;
        var allow = PrincipalMatch.None;
        var trace = new List<StatementTrace>();
        foreach (var policy in policies)
        {
            // A stored policy was validated when it was put; one that no longer parses fails the request (closed).
            var document = policyCache.Get(policy.Document, PolicyKind.IdentityPolicy);
            var decision = PolicyEvaluator.Evaluate(document, new RequestContext(ctx.Caller, action, resourceArn, conditions), policy.Name);
            deny |= decision.ExplicitDeny;
            allow = decision.Allow > allow ? decision.Allow : allow;
            trace.AddRange(decision.Trace);
        }
        return new PolicyDecision(deny, allow, trace);
    }
}
