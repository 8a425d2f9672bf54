using Trent.Core.Tests.Authorization.Table;
using static Trent.Core.Tests.Authorization.Table.Expect;
using static Trent.Core.Tests.Authorization.Table.Fixture;

namespace Trent.Core.Tests.Authorization.Cases;

/// <summary>The Principal and NotPrincipal elements of key policies.</summary>
public static class PrincipalCases
{
    private const string NotPrincipalDeny = """{"Effect":"Deny","NotPrincipal":{"AWS":PRINCIPALS},"Action":"kms:*","Resource":"*"}""";

    private static string DenyAllBut(string principals) => NotPrincipalDeny.Replace("PRINCIPALS", J(principals), StringComparison.Ordinal);

    public static IReadOnlyList<ICase> All { get; } =
    [
        new AuthzCase("PR-01", "The account principal arn:aws:iam::<account>:root delegates to IAM: a user of the account still needs an identity-based Allow.")
        {
            Expect = NoIdentityPolicyAllows,
        },
        new AuthzCase("PR-02", "The account principal plus an identity-based Allow allows a user of the account.")
        {
            Identity = [IPolicy("kms:Encrypt")],
            Expect = Allowed,
            Explains = "statement \"Enable IAM User Permissions\" (Allow): applies — principal, action, resource and conditions match through the account principal",
        },
        new AuthzCase("PR-03", "The bare account id as principal is the account principal: with an identity-based Allow the user is allowed.")
        {
            KeyPolicy = Doc(KAllow(A, "kms:*")),
            Identity = [IPolicy("kms:Encrypt")],
            Expect = Allowed,
        },
        new AuthzCase("PR-04", "The bare account id as principal delegates to IAM: without an identity-based Allow the user is denied.")
        {
            KeyPolicy = Doc(KAllow(A, "kms:*")),
            Expect = NoIdentityPolicyAllows,
        },
        new AuthzCase("PR-05", "The account root is allowed by the account principal without any identity-based policy.")
        {
            Caller = RootA,
            Action = "kms:PutKeyPolicy",
            Expect = Allowed,
        },
        new AuthzCase("PR-06", "The bare account id as principal also allows the account root directly.")
        {
            Caller = RootA,
            KeyPolicy = Doc(KAllow(A, "kms:*")),
            Expect = Allowed,
        },
        new AuthzCase("PR-07", "A user ARN as principal allows that user directly, with no identity-based policy.")
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:Encrypt")),
            Expect = Allowed,
        },
        new AuthzCase("PR-08", "A user ARN as principal does not allow another user of the same account.")
        {
            Caller = Bob,
            KeyPolicy = Doc(KAllow(AliceArn, "kms:Encrypt")),
            Identity = [AllowAllKms],
            Expect = NoResourcePolicyAllows,
        },
        new AuthzCase("PR-09", "A user ARN with a path matches the user with that path.")
        {
            Caller = Carol,
            KeyPolicy = Doc(KAllow(CarolArn, "kms:Encrypt")),
            Expect = Allowed,
        },
        new AuthzCase("PR-10", "A user ARN without the user's path does not match the user.")
        {
            Caller = Carol,
            KeyPolicy = Doc(KAllow("arn:aws:iam::111122223333:user/carol", "kms:Encrypt")),
            Expect = NoResourcePolicyAllows,
        },
        new AuthzCase("PR-11", "Principal ARNs compare case-sensitively: user/Alice does not match user/alice.")
        {
            KeyPolicy = Doc(KAllow("arn:aws:iam::111122223333:user/Alice", "kms:Encrypt")),
            Expect = NoResourcePolicyAllows,
        },
        new AuthzCase("PR-12", "Principal \"*\" matches every caller directly, without identity-based policies.")
        {
            KeyPolicy = Doc(KAllow("*", "kms:Encrypt")),
            Expect = Allowed,
        },
        new AuthzCase("PR-13", "Principal {\"AWS\":\"*\"} is the same as \"*\".")
        {
            KeyPolicy = Doc(KAllow("""{"AWS":"*"}""", "kms:Encrypt")),
            Expect = Allowed,
        },
        new AuthzCase("PR-14", "A list of principals matches when any of its entries matches.")
        {
            KeyPolicy = Doc(KAllow($"[\"{BobArn}\",\"{AliceArn}\"]", "kms:Encrypt")),
            Expect = Allowed,
        },
        new AuthzCase("PR-15", "The account root is subject to the key policy: a policy naming neither the account nor the root denies the root.")
        {
            Caller = RootA,
            KeyPolicy = Doc(KAllow(AliceArn, "kms:*")),
            Expect = NoResourcePolicyAllows,
        },
        new AuthzCase("PR-16", "A service principal never matches an IAM caller.")
        {
            KeyPolicy = Doc(KAllow("""{"Service":"logs.us-east-1.amazonaws.com"}""", "kms:*")),
            Identity = [AllowAllKms],
            Expect = NoResourcePolicyAllows,
        },
        new AuthzCase("PR-17", "A federated principal does not match an IAM user.")
        {
            KeyPolicy = Doc(KAllow("""{"Federated":"arn:aws:iam::111122223333:saml-provider/corp"}""", "kms:*")),
            Expect = NoResourcePolicyAllows,
        },
        new AuthzCase("PR-18", "Another account's principal does not delegate to the key's account.")
        {
            KeyPolicy = Doc(KAllow(RootArnB, "kms:*")),
            Identity = [AllowAllKms],
            Expect = NoResourcePolicyAllows,
        },
        new AuthzCase("PR-19", "A CanonicalUser principal is accepted but matches no IAM caller.")
        {
            KeyPolicy = Doc(KAllow("""{"CanonicalUser":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}""", "kms:*")),
            Expect = NoResourcePolicyAllows,
        },
        new AuthzCase("PR-20", "A key-policy Deny naming the caller's account denies every user of the account.")
        {
            KeyPolicy = Doc(EnableIam, KDeny(RootArnA, "kms:Encrypt")),
            Identity = [AllowAllKms],
            Expect = ExplicitDenyInResourcePolicy,
        },
        new AuthzCase("PR-21", "A key-policy Deny naming one user does not affect other users.")
        {
            KeyPolicy = Doc(EnableIam, KDeny(BobArn, "kms:*")),
            Identity = [AllowAllKms],
            Expect = Allowed,
        },
        new AuthzCase("PR-22", "NotPrincipal with Deny listing a user and the user's account denies every other user of that account (AWS's 'everyone except Bob').")
        {
            KeyPolicy = Doc(EnableIam, DenyAllBut($"[\"{BobArn}\",\"{RootArnA}\"]")),
            Identity = [AllowAllKms],
            Expect = ExplicitDenyInResourcePolicy,
        },
        new AuthzCase("PR-23", "NotPrincipal with Deny listing a user and the user's account spares that user.")
        {
            Caller = Bob,
            KeyPolicy = Doc(EnableIam, DenyAllBut($"[\"{BobArn}\",\"{RootArnA}\"]")),
            Identity = [AllowAllKms],
            Expect = Allowed,
            Explains = "statement #2 (Deny): does not apply — NotPrincipal excludes arn:aws:iam::111122223333:user/bob",
        },
        new AuthzCase("PR-24", "NotPrincipal with Deny listing the user but not its account still denies the user, because AWS also evaluates the account [U].")
        {
            Caller = Bob,
            KeyPolicy = Doc(EnableIam, DenyAllBut(BobArn)),
            Identity = [AllowAllKms],
            Expect = ExplicitDenyInResourcePolicy,
        },
        new AuthzCase("PR-25", "NotPrincipal with Deny listing the account spares the account root.")
        {
            Caller = RootA,
            KeyPolicy = Doc(EnableIam, DenyAllBut(RootArnA)),
            Expect = Allowed,
        },
        new AuthzCase("PR-26", "NotPrincipal with Deny listing only the account does not spare the account's users.")
        {
            KeyPolicy = Doc(EnableIam, DenyAllBut(A)),
            Identity = [AllowAllKms],
            Expect = ExplicitDenyInResourcePolicy,
        },
        new AuthzCase("PR-27", "NotPrincipal with Deny listing another account's principals denies the caller.")
        {
            KeyPolicy = Doc(EnableIam, DenyAllBut(RootArnB)),
            Identity = [AllowAllKms],
            Expect = ExplicitDenyInResourcePolicy,
        },
        new AuthzCase("PR-28", "NotPrincipal {\"AWS\":\"*\"} with Deny excludes everyone, so it denies no one.")
        {
            KeyPolicy = Doc(EnableIam, DenyAllBut("*")),
            Identity = [AllowAllKms],
            Expect = Allowed,
        },
        new AuthzCase("PR-29", "NotPrincipal with Allow allows every caller it does not list, directly [U: AWS no longer supports NotPrincipal with Allow].")
        {
            KeyPolicy = Doc("""{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":"kms:Encrypt","Resource":"*"}"""),
            Expect = Allowed,
        },
        new AuthzCase("PR-30", "NotPrincipal with Allow does not allow a caller it lists.")
        {
            Caller = Bob,
            KeyPolicy = Doc("""{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":"kms:Encrypt","Resource":"*"}"""),
            Identity = [AllowAllKms],
            Expect = NoResourcePolicyAllows,
        },
        new AuthzCase("PR-31", "NotPrincipal with Allow excludes a caller whose account it lists [U].")
        {
            KeyPolicy = Doc("""{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:Encrypt","Resource":"*"}"""),
            Identity = [AllowAllKms],
            Expect = NoResourcePolicyAllows,
        },
        new AuthzCase("PR-32", "A principal statement applies per statement: another user's Allow does not combine with the caller's conditions.")
        {
            KeyPolicy = Doc(KAllow(BobArn, "kms:Encrypt"), KAllow(AliceArn, "kms:Encrypt", """{"Bool":{"aws:SecureTransport":"false"}}""")),
            Expect = NoResourcePolicyAllows,
        },
    ];
}
