using Trent.Core.Identity;

namespace Trent.Core.Authorization.Policies;

/// <summary>How a statement's principal matched the caller.</summary>
public enum PrincipalMatch
{
    None,

    /// <summary>The statement names the caller's account: it delegates to that account's identity policies.</summary>
    Account,

    /// <summary>The statement names the caller (or everyone, or the caller's role, or the caller is the account root).</summary>
    Direct,
}

/// <summary>Why one statement did or did not apply, for explanations.</summary>
public sealed record StatementTrace(string Policy, PolicyStatement Statement, bool Applies, PrincipalMatch Principal, string Reason)
{
    public override string ToString() => $"{Policy} statement {Statement.Label} ({Statement.Effect}): {(Applies ? "applies" : "does not apply")} — {Reason}";
}

/// <summary>What one policy says about a request.</summary>
public sealed record PolicyDecision(bool ExplicitDeny, PrincipalMatch Allow, IReadOnlyList<StatementTrace> Trace)
{
    public static readonly PolicyDecision None = new(false, PrincipalMatch.None, []);
}

/// <summary>Evaluates one policy document against a request, statement by statement, as IAM does.</summary>
public static class PolicyEvaluator
{
    public static PolicyDecision Evaluate(PolicyDocument policy, RequestContext request, string policyName)
    {
        var deny = false;
        var allow = PrincipalMatch.None;
        var trace = new List<StatementTrace>(policy.Statements.Count);
        var variables = policy.Version == "2012-10-17";
        for (var i = 0; i < policy.Statements.Count; i++)
        {
            var statement = policy.Statements[i];
            var t = EvaluateStatement(statement, policy.Kind, request, variables, policyName);
            trace.Add(t);
            if (!t.Applies)
            {
                continue;
            }
            if (statement.Effect == Effect.Deny)
            {
                deny = true;
            }
            else if (t.Principal > allow)
            {
                allow = t.Principal;
            }
        }
        return new PolicyDecision(deny, allow, trace);
    }

    private static StatementTrace EvaluateStatement(PolicyStatement s, PolicyKind kind, RequestContext request, bool variables, string policyName)
    {
        StatementTrace No(string reason) => new(policyName, s, false, PrincipalMatch.None, reason);

        var principal = PrincipalMatch.Direct;
        if (kind != PolicyKind.IdentityPolicy)
        {
            if (s.Principal is null)
            {
                if (ExcludedBy(s.NotPrincipal!, s.Effect, request.Caller))
                {
                    return No($"NotPrincipal excludes {request.Caller.PrincipalArn}");
                }
            }
            else
            {
                principal = MatchPrincipal(s.Principal, request.Caller);
            }
            if (principal == PrincipalMatch.None)
            {
                return No($"the principal does not match {request.Caller.PrincipalArn}");
            }
        }
        if (!MatchAction(s, request.Action))
        {
            return No($"the action does not match {request.Action}");
        }
        // A trust policy has no Resource element: the role it is attached to is the resource.
        var impliedResource = kind == PolicyKind.TrustPolicy && s.Resources is null && s.NotResources is null;
        if (!impliedResource && !MatchResource(s, request.Resource, request.Conditions, variables))
        {
            return No($"the resource does not match {request.Resource ?? "(none)"}");
        }
        for (var i = 0; i < s.Conditions.Count; i++)
        {
            var condition = s.Conditions[i];
            if (!ConditionEvaluator.Evaluate(condition, request.Conditions, variables))
            {
                return No($"condition {condition.OperatorText} on {condition.Key} is false");
            }
        }
        return new StatementTrace(policyName, s, true, principal, principal == PrincipalMatch.Account
            ? "principal, action, resource and conditions match through the account principal (needs an identity-based policy too)"
            : "principal, action, resource and conditions match");
    }

    /// <summary>
    /// Matches a principal element: everyone, the caller's ARN, the role of an assumed-role caller, or the caller's
    /// account (which delegates to the account, except for the account root itself).
    /// </summary>
    public static PrincipalMatch MatchPrincipal(PrincipalSpec spec, CallerIdentity caller)
    {
        if (spec.Everyone)
        {
            return PrincipalMatch.Direct;
        }
        var best = PrincipalMatch.None;
        for (var i = 0; i < spec.Aws.Count; i++)
        {
            var principal = spec.Aws[i];
            if (PrincipalArns.IsAccountPrincipal(principal))
            {
                if (PrincipalArns.BelongsTo(principal, caller.AccountId))
                {
                    if (caller.PrincipalType == PrincipalType.Root)
                    {
                        return PrincipalMatch.Direct;
                    }
                    best = PrincipalMatch.Account;
                }
            }
            else if (principal == caller.PrincipalArn || (caller.RoleArn is not null && principal == caller.RoleArn))
            {
                return PrincipalMatch.Direct;
            }
        }
        return best;
    }

    /// <summary>
    /// Whether a NotPrincipal element leaves the caller out of its statement. AWS evaluates a caller as its account
    /// too (and a session as its role too), so a Deny spares only a caller whose own ARN (or role) and whose account
    /// are both listed: listing a user alone still denies the user, and listing the account alone spares only the
    /// root [U: AWS documents that it "might" check the account first]. An Allow leaves out any caller it lists,
    /// including every caller of a listed account.
    /// </summary>
    private static bool ExcludedBy(PrincipalSpec notPrincipal, Effect effect, CallerIdentity caller)
    {
        var match = MatchPrincipal(notPrincipal, caller);
        if (effect == Effect.Allow || notPrincipal.Everyone)
        {
            return match != PrincipalMatch.None;
        }
        return match == PrincipalMatch.Direct
            && (caller.PrincipalType == PrincipalType.Root
                || notPrincipal.Aws.Any(p => PrincipalArns.IsAccountPrincipal(p) && PrincipalArns.BelongsTo(p, caller.AccountId)));
    }

    // Loops rather than LINQ: these run for every statement of every request, and lambdas capturing the request allocate.
    private static bool MatchAction(PolicyStatement s, string action)
    {
        if (s.Actions is { } actions)
        {
            return AnyMatches(actions, action);
        }
        return s.NotActions is { } notActions && !AnyMatches(notActions, action);
    }

    private static bool AnyMatches(IReadOnlyList<string> patterns, string action)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            if (Wildcard.Match(patterns[i], action, ignoreCase: true))
            {
                return true;
            }
        }
        return false;
    }

    private static bool MatchResource(PolicyStatement s, string? resource, ConditionValues context, bool variables)
    {
        if (s.Resources is { } resources)
        {
            return AnyMatches(resources, resource, context, variables);
        }
        return s.NotResources is { } notResources && !AnyMatches(notResources, resource, context, variables);
    }

    private static bool AnyMatches(IReadOnlyList<string> patterns, string? resource, ConditionValues context, bool variables)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            var pattern = patterns[i];
            if (pattern == "*")
            {
                return true;
            }
            if (resource is not null
                && PolicyVariables.Substitute(pattern, context, variables) is { } substituted
                && Wildcard.Match(substituted, resource, ignoreCase: false))
            {
                return true;
            }
        }
        return false;
    }
}
