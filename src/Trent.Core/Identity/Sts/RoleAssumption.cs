using Trent.Core.Authorization;
using Trent.Core.Authorization.Policies;
using Trent.Core.Crypto;
using Trent.Core.Identity.Iam;
using Trent.Core.Storage;

namespace Trent.Core.Identity.Sts;

/// <summary>What AssumeRole is given (the parts Trent supports).</summary>
public sealed record AssumeRoleRequest(string RoleArn, string RoleSessionName, int? DurationSeconds, string? ExternalId, string? SourceIdentity);

/// <summary>A new session: its credentials and the token that carries them, both returned once.</summary>
public sealed record AssumedRole(SessionCredentials Credentials, string SessionToken);

/// <summary>
/// STS AssumeRole. The role's trust policy must allow sts:AssumeRole for the caller: naming the caller (or its role)
/// suffices within the role's account; naming the caller's account delegates to the caller's identity policies, which
/// must then allow sts:AssumeRole on the role too, as they must for any caller from another account. An explicit deny
/// in either wins. The session is a stateless token (<see cref="SessionTokens"/>).
/// </summary>
public sealed class RoleAssumption(IIamStore store, IamAuthorizer authorizer, PolicyCache policies, SessionTokens tokens, IRandomSource random)
{
    private const string Action = "sts:AssumeRole";
    private const int ChainedMaxSeconds = 3600;

    public async ValueTask<AssumedRole> AssumeAsync(KmsRequestContext ctx, AssumeRoleRequest request, CancellationToken ct = default)
    {
        var caller = ctx.Caller;
        if (caller.PrincipalType == PrincipalType.Root)
        {
            throw new KmsException(KmsErrorCode.AccessDeniedException, "Roles may not be assumed by root accounts.");
        }
        var role = await FindRoleAsync(request.RoleArn, ct) ?? throw Denied(caller, request.RoleArn);
        var conditions = RequestConditions.Global(ctx)
            .Set("sts:RoleSessionName", request.RoleSessionName)
            .Set("sts:ExternalId", request.ExternalId)
            .Set("sts:SourceIdentity", request.SourceIdentity);
        var trust = PolicyEvaluator.Evaluate(
            policies.Get(role.AssumeRolePolicyDocument, PolicyKind.TrustPolicy), new RequestContext(caller, Action, role.Arn, conditions), "trust policy");
        var identity = await authorizer.EvaluateAsync(ctx, Action, role.Arn, conditions, ct);
        var crossAccount = role.AccountId != caller.AccountId;
        var allowed = trust.Allow switch
        {
            PrincipalMatch.Direct => !crossAccount || identity.Allow != PrincipalMatch.None,
            PrincipalMatch.Account => identity.Allow != PrincipalMatch.None,
            _ => false,
        };
        if (trust.ExplicitDeny || identity.ExplicitDeny || !allowed)
        {
            throw Denied(caller, role.Arn);
        }
        var chained = caller.PrincipalType == PrincipalType.AssumedRole;
        var duration = request.DurationSeconds ?? IamLimits.DefaultMaxSessionDuration;
        if (chained && duration > ChainedMaxSeconds)
        {
            throw new IamException(IamErrorCode.ValidationError,
                "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }
        if (duration > role.MaxSessionDuration)
        {
            throw new IamException(IamErrorCode.ValidationError, "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        var session = new SessionCredentials(
            IamIds.NewSessionAccessKeyId(random),
            AccessKeyGenerator.NewSecret(random),
            role.AccountId,
            role.Arn,
            role.RoleId,
            request.RoleSessionName,
            ctx.Now.AddSeconds(duration),
            chained)
        {
            Created = ctx.Now,
        };
        return new AssumedRole(session, tokens.Issue(session, random));
    }

    /// <summary>The role the ARN names exactly (its path included); the name alone matches regardless of case, as IAM names do.</summary>
    private async ValueTask<IamRole?> FindRoleAsync(string roleArn, CancellationToken ct)
    {
        if (!IamArns.TryParseRole(roleArn, out var partition, out var accountId, out var path, out var roleName))
        {
            throw new IamException(IamErrorCode.ValidationError, $"{roleArn} is invalid");
        }
        var role = await store.GetRoleAsync(accountId, roleName, ct);
        return role is not null && role.Path == path && role.Arn.StartsWith($"arn:{partition}:", StringComparison.Ordinal) ? role : null;
    }

    // STS says the same whether the role is missing or its trust policy refuses: callers cannot probe for roles.
    private static KmsException Denied(CallerIdentity caller, string roleArn) =>
        new(KmsErrorCode.AccessDeniedException, $"User: {caller.PrincipalArn} is not authorized to perform: {Action} on resource: {roleArn}");
}
