using System.Runtime.CompilerServices;
using Trent.Core.Audit;
using Trent.Core.Identity;
using Trent.Core.Identity.Iam;

namespace Trent.Protocol.Audit;

/// <summary>CloudTrail's <c>userIdentity</c> for a caller, and for a request whose signature did not authenticate.</summary>
internal static class AuditIdentities
{
    // Callers are cached by the verifier for as long as their key is, so their identities are worth keeping beside them.
    private static readonly ConditionalWeakTable<CallerIdentity, AuditIdentity> Cache = [];

    public static AuditIdentity For(CallerIdentity caller) => Cache.GetValue(caller, Describe);

    /// <summary>
    /// A request that failed authentication: nobody is established, so only the access key id it claimed is logged
    /// (never its signature or token), under CloudTrail's type for an identity it does not know.
    /// </summary>
    public static AuditIdentity Unauthenticated(string? claimedAccessKeyId) => new() { Type = "Unknown", AccessKeyId = claimedAccessKeyId };

    private static AuditIdentity Describe(CallerIdentity caller) => caller.PrincipalType switch
    {
        PrincipalType.IAMUser => new AuditIdentity
        {
            Type = "IAMUser",
            PrincipalId = caller.UserId,
            Arn = caller.PrincipalArn,
            AccountId = caller.AccountId,
            AccessKeyId = caller.AccessKeyId,
            UserName = caller.UserName ?? IamArns.NameOf(caller.PrincipalArn),
        },
        PrincipalType.AssumedRole => new AuditIdentity
        {
            Type = "AssumedRole",
            PrincipalId = caller.UserId,
            Arn = caller.PrincipalArn,
            AccountId = caller.AccountId,
            AccessKeyId = caller.AccessKeyId,
            SessionContext = caller.RoleArn is { } role
                ? new SessionContext(
                    new SessionIssuer("Role", RoleId(caller.UserId), role, caller.AccountId, IamArns.NameOf(role)),
                    new SessionAttributes(
                        caller.SessionCreated is { } created ? AuditEvent.FormatTime(created) : null, MfaAuthenticated: "false"))
                : null,
        },
        _ => new AuditIdentity
        {
            Type = "Root",
            PrincipalId = caller.AccountId,
            Arn = caller.PrincipalArn,
            AccountId = caller.AccountId,
            AccessKeyId = caller.AccessKeyId,
        },
    };

    /// <summary>An assumed role's principal id is <c>AROA...:session</c>; the issuer is the role id before the colon.</summary>
    private static string RoleId(string principalId) => principalId.Split(':', 2)[0];
}
