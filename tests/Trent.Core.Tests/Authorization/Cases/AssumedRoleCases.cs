using Trent.Core.Tests.Authorization.Table;
using static Trent.Core.Tests.Authorization.Table.Expect;
using static Trent.Core.Tests.Authorization.Table.Fixture;

namespace Trent.Core.Tests.Authorization.Cases;

/// <summary>Assumed-role sessions: a role ARN matches its sessions; aws:PrincipalArn is the role.</summary>
public static class AssumedRoleCases
{
    private static string DenyAllBut(string principals) =>
        $$$"""{"Effect":"Deny","NotPrincipal":{"AWS":{{{principals}}}},"Action":"kms:*","Resource":"*"}""";

    private static AuthzCase SessionRow(string id, string rule) => new(id, rule) { Caller = AdminSession };

    public static IReadOnlyList<ICase> All { get; } =
    [
        SessionRow("AS-01", "A role ARN as principal matches every session of that role.") with
        {
            KeyPolicy = Doc(KAllow(AdminRoleArn, "kms:Encrypt")),
            Expect = Allowed,
        },
        SessionRow("AS-02", "A role ARN as principal matches a second session of the same role too.") with
        {
            Caller = OtherAdminSession,
            KeyPolicy = Doc(KAllow(AdminRoleArn, "kms:Encrypt")),
            Expect = Allowed,
        },
        SessionRow("AS-03", "An assumed-role session ARN as principal matches that session.") with
        {
            KeyPolicy = Doc(KAllow(AdminSessionArn, "kms:Encrypt")),
            Expect = Allowed,
        },
        SessionRow("AS-04", "An assumed-role session ARN does not match another session of the same role.") with
        {
            Caller = OtherAdminSession,
            KeyPolicy = Doc(KAllow(AdminSessionArn, "kms:Encrypt")),
            Expect = NoResourcePolicyAllows,
        },
        SessionRow("AS-05", "A role ARN with a path matches the sessions of that role, whose session ARN has no path.") with
        {
            Caller = DeployerSession,
            KeyPolicy = Doc(KAllow(DeployerRoleArn, "kms:Encrypt")),
            Expect = Allowed,
        },
        SessionRow("AS-06", "Another role's ARN does not match the session.") with
        {
            KeyPolicy = Doc(KAllow("arn:aws:iam::111122223333:role/Reader", "kms:Encrypt")),
            Identity = [AllowAllKms],
            Expect = NoResourcePolicyAllows,
        },
        SessionRow("AS-07", "A user ARN with the role's name does not match the role's sessions.") with
        {
            KeyPolicy = Doc(KAllow("arn:aws:iam::111122223333:user/Admin", "kms:Encrypt")),
            Expect = NoResourcePolicyAllows,
        },
        SessionRow("AS-08", "The account principal delegates a session to its role's identity-based policies.") with
        {
            Identity = [IPolicy("kms:Encrypt")],
            Expect = Allowed,
        },
        SessionRow("AS-09", "The account principal without an identity-based Allow of the role denies the session.") with
        {
            Expect = NoIdentityPolicyAllows,
        },
        SessionRow("AS-10", "aws:PrincipalArn of a session is its role's ARN.") with
        {
            KeyPolicy = Doc(KAllow("*", "kms:*", """{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/Admin"}}""")),
            Expect = Allowed,
        },
        SessionRow("AS-11", "aws:PrincipalArn of a session is not the session's ARN.") with
        {
            KeyPolicy = Doc(KAllow("*", "kms:*", """{"StringEquals":{"aws:PrincipalArn":"arn:aws:sts::111122223333:assumed-role/Admin/alice-session"}}""")),
            Expect = NoResourcePolicyAllows,
        },
        SessionRow("AS-12", "ArnLike on aws:PrincipalArn with role/* matches any role's session.") with
        {
            KeyPolicy = Doc(KAllow("*", "kms:*", """{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/*"}}""")),
            Expect = Allowed,
        },
        SessionRow("AS-13", "aws:PrincipalArn keeps the role's path.") with
        {
            Caller = DeployerSession,
            KeyPolicy = Doc(KAllow("*", "kms:*", """{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/ops/*"}}""")),
            Expect = Allowed,
        },
        SessionRow("AS-14", "aws:PrincipalType of a session is AssumedRole.") with
        {
            KeyPolicy = Doc(KAllow("*", "kms:*", """{"StringEquals":{"aws:PrincipalType":"AssumedRole"}}""")),
            Expect = Allowed,
        },
        SessionRow("AS-15", "aws:userid of a session is the role id, a colon, and the session name.") with
        {
            KeyPolicy = Doc(KAllow("*", "kms:*", """{"StringEquals":{"aws:userid":"AROAADMIN:alice-session"}}""")),
            Expect = Allowed,
        },
        SessionRow("AS-16", "A session has no aws:username, so a condition on it fails.") with
        {
            KeyPolicy = Doc(KAllow("*", "kms:*", """{"StringLike":{"aws:username":"*"}}""")),
            Expect = NoResourcePolicyAllows,
        },
        SessionRow("AS-17", "A key-policy Deny naming the role denies all of its sessions.") with
        {
            KeyPolicy = Doc(EnableIam, KDeny(AdminRoleArn, "kms:*")),
            Identity = [AllowAllKms],
            Expect = ExplicitDenyInResourcePolicy,
        },
        SessionRow("AS-18", "A key-policy Deny naming one session does not deny another session of the role.") with
        {
            Caller = OtherAdminSession,
            KeyPolicy = Doc(EnableIam, KDeny(AdminSessionArn, "kms:*")),
            Identity = [AllowAllKms],
            Expect = Allowed,
        },
        SessionRow("AS-19", "NotPrincipal with Deny spares the sessions of a role when the role and its account are listed.") with
        {
            KeyPolicy = Doc(EnableIam, DenyAllBut($"[\"{AdminRoleArn}\",\"{RootArnA}\"]")),
            Identity = [AllowAllKms],
            Expect = Allowed,
        },
        SessionRow("AS-20", "NotPrincipal with Deny listing the role but not its account still denies the sessions [U].") with
        {
            KeyPolicy = Doc(EnableIam, DenyAllBut($"\"{AdminRoleArn}\"")),
            Identity = [AllowAllKms],
            Expect = ExplicitDenyInResourcePolicy,
        },
        SessionRow("AS-21", "NotPrincipal with Deny listing a session ARN and the account spares that session.") with
        {
            KeyPolicy = Doc(EnableIam, DenyAllBut($"[\"{AdminSessionArn}\",\"{RootArnA}\"]")),
            Identity = [AllowAllKms],
            Expect = Allowed,
        },
        SessionRow("AS-22", "NotPrincipal with Deny listing a session ARN and the account denies another session of the same role.") with
        {
            Caller = OtherAdminSession,
            KeyPolicy = Doc(EnableIam, DenyAllBut($"[\"{AdminSessionArn}\",\"{RootArnA}\"]")),
            Identity = [AllowAllKms],
            Expect = ExplicitDenyInResourcePolicy,
        },
        SessionRow("AS-23", "The lockout check accepts a policy that names the caller's role with kms:PutKeyPolicy.") with
        {
            KeyPolicy = Doc(KAllow(AdminRoleArn, "kms:PutKeyPolicy")),
            Expect = LockoutPasses,
        },
    ];
}
