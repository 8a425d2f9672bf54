using Trent.Core.Authorization.Policies;
using Trent.Core.Identity;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Core.Authorization;

/// <summary>
/// AWS KMS authorization: an explicit deny in the key policy or an identity policy wins; otherwise the key policy
/// must allow the caller directly, or allow the caller's account so that the caller's identity policies count,
/// or a grant must allow the operation. A caller from another account needs both the key policy and its own
/// identity policies. Actions without a key (CreateKey, ListKeys, aliases) are decided by identity policies alone.
/// </summary>
public sealed class KmsAuthorizer(IIdentityPolicies identities, IGrantChecker grants, IKeyStore keys, PolicyCache policies) : IAuthorizer
{
    private const string ResourceAliasesKey = "kms:ResourceAliases";

    public async ValueTask AuthorizeAsync(KmsRequestContext ctx, AuthorizationRequest request, CancellationToken ct = default)
    {
        var decision = await DecideAsync(ctx, request, ct);
        if (!decision.Allowed)
        {
            var resource = request.ResourceArn ?? request.Key?.Arn.ToString() ?? "*";
            var denied = decision.ToException(ctx.Caller.PrincipalArn, request.Action, resource);
            denied.Detail = decision.Explain();
            throw denied;
        }
    }

    public async ValueTask<AuthorizationDecision> DecideAsync(KmsRequestContext ctx, AuthorizationRequest request, CancellationToken ct = default)
    {
        var caller = ctx.Caller;
        var key = request.Key;
        // The caller's and the key's condition keys are built only if a statement asks for one of them.
        var conditions = new ConditionValues().AddMissing(request.Conditions).AddMissingLater(() => RequestConditions.Global(ctx));
        if (key is not null)
        {
            conditions.AddMissingLater(() => RequestConditions.Key(key));
        }
        var resource = request.ResourceArn ?? key?.Arn.ToString();
        var question = new RequestContext(caller, request.Action, resource, conditions);

        // The key policy is evaluated before kms:ResourceAliases is looked up: that key is for IAM policies only [U].
        var keyPolicy = key is null
            ? PolicyDecision.None
            : PolicyEvaluator.Evaluate(policies.Get(key.Policy, PolicyKind.KeyPolicy), question, "key policy");
        var identityDocuments = await IdentityDocumentsAsync(caller, ct);
        if (key is not null && References(identityDocuments, ResourceAliasesKey))
        {
            var aliases = await keys.ListAliasesAsync(key.Arn.AccountId, key.Arn.Region, key.KeyId, null, 51, ct);
            // AWS evaluates kms:ResourceAliases only while a key has at most 50 aliases.
            conditions.SetMany(ResourceAliasesKey, aliases.Count <= 50 ? aliases.Select(a => a.AliasName) : []);
        }
        // The account root holds every permission of its own account; no identity policy is needed.
        var identityAllow = caller.PrincipalType == PrincipalType.Root;
        var identityDeny = false;
        // The key policy's statements first, then each identity policy's; the root (no identity policies) keeps the key policy's list.
        var trace = keyPolicy.Trace;
        if (identityDocuments.Count > 0)
        {
            var all = new List<StatementTrace>(keyPolicy.Trace);
            foreach (var (name, document) in identityDocuments)
            {
                var decision = PolicyEvaluator.Evaluate(document, question, $"identity policy \"{name}\"");
                identityDeny |= decision.ExplicitDeny;
                identityAllow |= decision.Allow != PrincipalMatch.None;
                all.AddRange(decision.Trace);
            }
            trace = all;
        }

        if (key is null)
        {
            return IdentityOnly(caller, resource, identityDeny, identityAllow, trace);
        }

        if (keyPolicy.ExplicitDeny)
        {
            return Deny(Denial.ExplicitDenyInResourcePolicy, "an explicit deny in the key policy", trace);
        }
        if (identityDeny)
        {
            return Deny(Denial.ExplicitDenyInIdentityPolicy, "an explicit deny in an identity-based policy", trace);
        }
        var sameAccount = caller.AccountId == key.Arn.AccountId;
        if (!sameAccount && !request.CrossAccountAllowed)
        {
            return Deny(Denial.NoResourcePolicyAllows, $"{request.Action} cannot be used on a key in another account", trace);
        }
        if (sameAccount && keyPolicy.Allow == PrincipalMatch.Direct)
        {
            return Allow("the key policy allows the caller", trace);
        }
        if (keyPolicy.Allow != PrincipalMatch.None && identityAllow)
        {
            return Allow(sameAccount
                ? "the key policy delegates to the caller's account and an identity-based policy allows the caller"
                : "the key policy allows the caller's account and the caller's identity-based policy allows the action", trace);
        }
        if (request.Action.StartsWith("kms:", StringComparison.Ordinal)
            && await grants.FindAsync(key, caller, request.Action[4..], request.EncryptionContext, request.GrantTokens, ct) is { } grant)
        {
            return new AuthorizationDecision(true, null, $"grant {grant.GrantId} allows {request.Action}", trace, grant);
        }
        return keyPolicy.Allow == PrincipalMatch.None
            ? Deny(Denial.NoResourcePolicyAllows, "no statement of the key policy allows the caller, and no grant does", trace)
            : Deny(Denial.NoIdentityPolicyAllows, "the key policy delegates to the caller's account, but no identity-based policy allows the action", trace);
    }

    /// <summary>
    /// The lockout safety check: would the caller still be allowed kms:PutKeyPolicy on the key under its new policy?
    /// </summary>
    public async ValueTask<bool> AllowsPolicyUpdateAsync(KmsRequestContext ctx, KmsKey keyWithNewPolicy, CancellationToken ct = default)
    {
        var request = new AuthorizationRequest("kms:PutKeyPolicy", keyWithNewPolicy.Arn.ToString(), keyWithNewPolicy)
        {
            Conditions = new ConditionValues().Set("kms:BypassPolicyLockoutSafetyCheck", false),
        };
        var decision = await DecideAsync(ctx, request, ct);
        return decision.Allowed && decision.Grant is null;
    }

    private async ValueTask<IReadOnlyList<(string Name, PolicyDocument Document)>> IdentityDocumentsAsync(CallerIdentity caller, CancellationToken ct)
    {
        if (caller.PrincipalType == PrincipalType.Root)
        {
            return [];
        }
        var attached = await identities.ForAsync(caller, ct);
        return attached.Select(p => (p.Name, policies.Get(p.Document, PolicyKind.IdentityPolicy))).ToList();
    }

    private static AuthorizationDecision IdentityOnly(CallerIdentity caller, string? resource, bool deny, bool allow, IReadOnlyList<StatementTrace> trace)
    {
        if (resource is not null && PolicyArnAccount(resource) is { } owner && owner != caller.AccountId)
        {
            return Deny(Denial.NoIdentityPolicyAllows, "the resource belongs to another account", trace);
        }
        if (deny)
        {
            return Deny(Denial.ExplicitDenyInIdentityPolicy, "an explicit deny in an identity-based policy", trace);
        }
        return allow
            ? Allow(caller.PrincipalType == PrincipalType.Root ? "the account root may perform every action in its account" : "an identity-based policy allows the action", trace)
            : Deny(Denial.NoIdentityPolicyAllows, "no identity-based policy allows the action", trace);
    }

    private static string? PolicyArnAccount(string arn) => arn.Split(':') is { Length: >= 6 } parts ? parts[4] : null;

    private static bool References(IReadOnlyList<(string Name, PolicyDocument Document)> documents, string conditionKey)
    {
        foreach (var (_, document) in documents)
        {
            foreach (var statement in document.Statements)
            {
                foreach (var condition in statement.Conditions)
                {
                    if (string.Equals(condition.Key, conditionKey, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static AuthorizationDecision Allow(string reason, IReadOnlyList<StatementTrace> trace) => new(true, null, reason, trace, null);

    private static AuthorizationDecision Deny(Denial denial, string reason, IReadOnlyList<StatementTrace> trace) => new(false, denial, reason, trace, null);
}
