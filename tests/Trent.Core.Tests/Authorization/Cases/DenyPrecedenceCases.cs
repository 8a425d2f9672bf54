using Trent.Core.Tests.Authorization.Table;
using static Trent.Core.Tests.Authorization.Table.Expect;
using static Trent.Core.Tests.Authorization.Table.Fixture;

namespace Trent.Core.Tests.Authorization.Cases;

/// <summary>IAM evaluation logic: an explicit deny anywhere wins, then any allow, else the implicit deny.</summary>
public static class DenyPrecedenceCases
{
    public static IReadOnlyList<ICase> All { get; } =
    [
        new AuthzCase("DP-01", "An explicit Deny in the key policy overrides an Allow for the same caller in the same key policy.")
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:*", sid: "AllowAlice"), KDeny(AliceArn, "kms:Encrypt", sid: "DenyAliceEncrypt")),
            Expect = ExplicitDenyInResourcePolicy,
            Explains = "key policy statement \"DenyAliceEncrypt\" (Deny): applies",
        },
        new AuthzCase("DP-02", "An explicit Deny in the key policy overrides an Allow in the caller's identity-based policy.")
        {
            KeyPolicy = Doc(EnableIam, KDeny("*", "kms:Encrypt")),
            Identity = [AllowAllKms],
            Expect = ExplicitDenyInResourcePolicy,
        },
        new AuthzCase("DP-03", "An explicit Deny in an identity-based policy overrides a key policy that names the caller directly.")
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:*")),
            Identity = [Doc(IDeny("kms:Encrypt", sid: "NoEncrypt"))],
            Expect = ExplicitDenyInIdentityPolicy,
            Explains = "identity policy \"policy-1\" statement \"NoEncrypt\" (Deny): applies",
        },
        new AuthzCase("DP-04", "An explicit Deny in one identity-based policy overrides an Allow in another identity-based policy of the caller.")
        {
            Identity = [AllowAllKms, Doc(IDeny("kms:Encrypt"))],
            Expect = ExplicitDenyInIdentityPolicy,
        },
        new AuthzCase("DP-05", "An explicit Deny and an Allow in the same identity-based policy: the Deny wins.")
        {
            Identity = [Doc(IAllow("kms:*"), IDeny("kms:Encrypt"))],
            Expect = ExplicitDenyInIdentityPolicy,
        },
        new AuthzCase("DP-06", "An identity-based Deny applies even when the key policy does not delegate to the account: IAM denies always count.")
        {
            KeyPolicy = Doc(KAllow(BobArn, "kms:*")),
            Identity = [Doc(IDeny("kms:*"))],
            Expect = ExplicitDenyInIdentityPolicy,
        },
        new AuthzCase("DP-07", "When both the key policy and an identity-based policy deny, the denial names the resource-based policy [U].")
        {
            KeyPolicy = Doc(EnableIam, KDeny("*", "kms:Encrypt")),
            Identity = [Doc(IDeny("kms:Encrypt"))],
            Expect = ExplicitDenyInResourcePolicy,
        },
        new AuthzCase("DP-08", "A Deny statement whose action does not match the request does not affect it.")
        {
            KeyPolicy = Doc(EnableIam, KDeny("*", "kms:Decrypt")),
            Identity = [AllowAllKms],
            Expect = Allowed,
        },
        new AuthzCase("DP-09", "A Deny statement whose condition is false does not apply.")
        {
            KeyPolicy = Doc(EnableIam, KDeny("*", "kms:*", """{"Bool":{"aws:SecureTransport":"false"}}""")),
            Identity = [AllowAllKms],
            Expect = Allowed,
        },
        new AuthzCase("DP-10", "A Deny statement whose condition is true applies.")
        {
            KeyPolicy = Doc(EnableIam, KDeny("*", "kms:*", """{"Bool":{"aws:SecureTransport":"false"}}""")),
            Identity = [AllowAllKms],
            SecureTransport = false,
            Expect = ExplicitDenyInResourcePolicy,
        },
        new AuthzCase("DP-11", "The key policy's explicit Deny binds the account root as well.")
        {
            Caller = RootA,
            KeyPolicy = Doc(EnableIam, KDeny("*", "kms:ScheduleKeyDeletion")),
            Action = "kms:ScheduleKeyDeletion",
            Expect = ExplicitDenyInResourcePolicy,
        },
        new AuthzCase("DP-12", "Without any applicable Allow the request is implicitly denied, worded as no resource-based policy allowing it.")
        {
            KeyPolicy = Doc(KAllow(BobArn, "kms:*")),
            Expect = NoResourcePolicyAllows,
        },
        new AuthzCase("DP-13", "When the key policy delegates to the account but no identity-based policy allows, the denial names identity-based policies.")
        {
            Expect = NoIdentityPolicyAllows,
        },
        new AuthzCase("DP-14", "An identity-based Allow alone cannot grant access to a KMS key: without a key policy statement for the account it is ignored.")
        {
            KeyPolicy = Doc(KAllow(BobArn, "kms:*")),
            Identity = [AllowAllKms],
            Expect = NoResourcePolicyAllows,
        },
        new AuthzCase("DP-15", "A Deny with NotAction denies every action except those listed.")
        {
            KeyPolicy = Doc(EnableIam, """{"Effect":"Deny","Principal":"*","NotAction":"kms:Decrypt","Resource":"*"}"""),
            Identity = [AllowAllKms],
            Expect = ExplicitDenyInResourcePolicy,
        },
        new AuthzCase("DP-16", "A Deny with NotAction does not deny the actions it lists.")
        {
            KeyPolicy = Doc(EnableIam, """{"Effect":"Deny","Principal":"*","NotAction":"kms:Decrypt","Resource":"*"}"""),
            Identity = [AllowAllKms],
            Action = "kms:Decrypt",
            Expect = Allowed,
        },
        new AuthzCase("DP-17", "A Deny of kms:* in an identity-based policy denies every KMS action, including kms:DescribeKey.")
        {
            Identity = [AllowAllKms, Doc(IDeny("kms:*"))],
            Action = "kms:DescribeKey",
            Expect = ExplicitDenyInIdentityPolicy,
        },
        new AuthzCase("DP-18", "An identity-based Deny scoped to another key's ARN does not affect this key.")
        {
            Identity = [AllowAllKms, Doc(IDeny("kms:*", OtherKeyArnA))],
            Expect = Allowed,
        },
        new AuthzCase("DP-19", "An identity-based Deny also stops an action without a resource, such as kms:CreateKey.")
        {
            HasKey = false,
            Action = "kms:CreateKey",
            Identity = [AllowAllKms, Doc(IDeny("kms:CreateKey"))],
            Expect = ExplicitDenyInIdentityPolicy,
        },
        new AuthzCase("DP-20", "A grant cannot override an explicit Deny in the key policy; grants are not even consulted.")
        {
            KeyPolicy = Doc(EnableIam, KDeny(AliceArn, "kms:Encrypt")),
            Grant = new FakeGrant(AliceArn, ["Encrypt"]),
            Expect = ExplicitDenyInResourcePolicy,
            GrantsConsulted = false,
        },
        new AuthzCase("DP-21", "A grant cannot override an explicit Deny in an identity-based policy; grants are not even consulted.")
        {
            Identity = [Doc(IDeny("kms:Encrypt"))],
            Grant = new FakeGrant(AliceArn, ["Encrypt"]),
            Expect = ExplicitDenyInIdentityPolicy,
            GrantsConsulted = false,
        },
        new AuthzCase("DP-22", "Statement order does not matter: a Deny listed before the Allow still wins.")
        {
            KeyPolicy = Doc(KDeny(AliceArn, "kms:Encrypt"), KAllow(AliceArn, "kms:*")),
            Expect = ExplicitDenyInResourcePolicy,
        },
        new AuthzCase("DP-23", "An identity-based Allow for a different action does not allow this one.")
        {
            Identity = [IPolicy("kms:Decrypt")],
            Expect = NoIdentityPolicyAllows,
        },
        new AuthzCase("DP-24", "A key-policy Deny for the caller's account denies every user of the account, even one the key policy names directly.")
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:*"), KDeny(RootArnA, "kms:Encrypt")),
            Expect = ExplicitDenyInResourcePolicy,
        },
        new AuthzCase("DP-25", "The explanation of an allow names the key-policy statement that allowed it.")
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:Encrypt", sid: "AliceMayEncrypt")),
            Expect = Allowed,
            Explains = "key policy statement \"AliceMayEncrypt\" (Allow): applies",
        },
        new AuthzCase("DP-26", "The explanation of an implicit deny says why each statement did not apply.")
        {
            KeyPolicy = Doc(KAllow(BobArn, "kms:*", sid: "BobOnly")),
            Expect = NoResourcePolicyAllows,
            Explains = "key policy statement \"BobOnly\" (Allow): does not apply — the principal does not match arn:aws:iam::111122223333:user/alice",
        },
    ];
}
