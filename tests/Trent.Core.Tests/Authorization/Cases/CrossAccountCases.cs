using Trent.Core.Tests.Authorization.Table;
using static Trent.Core.Tests.Authorization.Table.Expect;
using static Trent.Core.Tests.Authorization.Table.Fixture;

namespace Trent.Core.Tests.Authorization.Cases;

/// <summary>Callers from account B using the key of account A: both sides must allow.</summary>
public static class CrossAccountCases
{
    private static readonly string AllowB = Doc(EnableIam, KAllow(RootArnB, "kms:*"));

    public static IReadOnlyList<ICase> All { get; } =
    [
        new AuthzCase("CA-01", "A caller from another account is allowed when the key policy allows its account and its identity-based policy allows the key.")
        {
            Caller = Dave,
            KeyPolicy = AllowB,
            Identity = [IPolicy("kms:Encrypt", KeyArnA)],
            Expect = Allowed,
            Explains = "the key policy allows the caller's account and the caller's identity-based policy allows the action",
        },
        new AuthzCase("CA-02", "A caller from another account without an identity-based Allow is denied even when the key policy allows its account.")
        {
            Caller = Dave,
            KeyPolicy = AllowB,
            Expect = NoIdentityPolicyAllows,
        },
        new AuthzCase("CA-03", "A caller from another account is denied when the key policy does not allow its account, whatever its identity-based policy says.")
        {
            Caller = Dave,
            Identity = [AllowAllKms],
            Expect = NoResourcePolicyAllows,
        },
        new AuthzCase("CA-04", "A key policy naming a foreign user directly still needs that user's identity-based Allow.")
        {
            Caller = Dave,
            KeyPolicy = Doc(EnableIam, KAllow(DaveArn, "kms:Encrypt")),
            Expect = NoIdentityPolicyAllows,
        },
        new AuthzCase("CA-05", "A key policy naming a foreign user plus that user's identity-based Allow allows the user.")
        {
            Caller = Dave,
            KeyPolicy = Doc(EnableIam, KAllow(DaveArn, "kms:Encrypt")),
            Identity = [IPolicy("kms:Encrypt")],
            Expect = Allowed,
        },
        new AuthzCase("CA-06", "The foreign account's root needs no identity-based policy when the key policy allows its account.")
        {
            Caller = RootB,
            KeyPolicy = AllowB,
            Expect = Allowed,
        },
        new AuthzCase("CA-07", "The foreign account's root is not allowed by a key policy that names only one of its users.")
        {
            Caller = RootB,
            KeyPolicy = Doc(EnableIam, KAllow(DaveArn, "kms:*")),
            Expect = NoResourcePolicyAllows,
        },
        new AuthzCase("CA-08", "Principal \"*\" allows a foreign caller only together with the caller's identity-based Allow: without it the caller is denied.")
        {
            Caller = Dave,
            KeyPolicy = Doc(KAllow("*", "kms:Encrypt")),
            Expect = NoIdentityPolicyAllows,
        },
        new AuthzCase("CA-09", "Principal \"*\" plus the foreign caller's identity-based Allow allows it.")
        {
            Caller = Dave,
            KeyPolicy = Doc(KAllow("*", "kms:Encrypt")),
            Identity = [AllowAllKms],
            Expect = Allowed,
        },
        new AuthzCase("CA-10", "The foreign identity-based policy must match the key's ARN: a pattern for the caller's own account does not.")
        {
            Caller = Dave,
            KeyPolicy = AllowB,
            Identity = [IPolicy("kms:Encrypt", "arn:aws:kms:*:444455556666:key/*")],
            Expect = NoIdentityPolicyAllows,
        },
        new AuthzCase("CA-11", "A foreign identity-based policy with a key ARN pattern of the key's account matches.")
        {
            Caller = Dave,
            KeyPolicy = AllowB,
            Identity = [IPolicy("kms:Encrypt", "arn:aws:kms:*:111122223333:key/*")],
            Expect = Allowed,
        },
        new AuthzCase("CA-12", "Actions that cannot be used cross-account are refused even when both sides allow.")
        {
            Caller = Dave,
            KeyPolicy = AllowB,
            Identity = [AllowAllKms],
            Action = "kms:ScheduleKeyDeletion",
            Expect = NoResourcePolicyAllows,
        },
        new AuthzCase("CA-13", "kms:PutKeyPolicy cannot be used on another account's key, even by that account's root.")
        {
            Caller = RootB,
            KeyPolicy = AllowB,
            Action = "kms:PutKeyPolicy",
            Expect = NoResourcePolicyAllows,
        },
        new AuthzCase("CA-14", "An explicit Deny in the foreign caller's identity-based policy wins over both Allows.")
        {
            Caller = Dave,
            KeyPolicy = AllowB,
            Identity = [AllowAllKms, Doc(IDeny("kms:Encrypt", KeyArnA))],
            Expect = ExplicitDenyInIdentityPolicy,
        },
        new AuthzCase("CA-15", "An explicit Deny of the foreign account in the key policy wins.")
        {
            Caller = Dave,
            KeyPolicy = Doc(EnableIam, KAllow(RootArnB, "kms:*"), KDeny(RootArnB, "kms:Encrypt")),
            Identity = [AllowAllKms],
            Expect = ExplicitDenyInResourcePolicy,
        },
        new AuthzCase("CA-16", "kms:CallerAccount lets a key policy allow exactly one foreign account.")
        {
            Caller = Dave,
            KeyPolicy = Doc(EnableIam, KAllow("*", "kms:*", """{"StringEquals":{"kms:CallerAccount":"444455556666"}}""")),
            Identity = [AllowAllKms],
            Expect = Allowed,
        },
        new AuthzCase("CA-17", "kms:CallerAccount in the key policy refuses a third account.")
        {
            Caller = User("777788889999", "eve"),
            KeyPolicy = Doc(EnableIam, KAllow("*", "kms:*", """{"StringEquals":{"kms:CallerAccount":"444455556666"}}""")),
            Identity = [AllowAllKms],
            Expect = NoResourcePolicyAllows,
        },
        new AuthzCase("CA-18", "A bare foreign account id as principal delegates to that account's IAM.")
        {
            Caller = Dave,
            KeyPolicy = Doc(EnableIam, KAllow(B, "kms:Encrypt")),
            Identity = [AllowAllKms],
            Expect = Allowed,
        },
        new AuthzCase("CA-19", "A foreign role named in the key policy allows its sessions together with the role's identity-based Allow.")
        {
            Caller = AuditorSessionB,
            KeyPolicy = Doc(EnableIam, KAllow(AuditorRoleArnB, "kms:Decrypt")),
            Identity = [IPolicy("kms:Decrypt")],
            Action = "kms:Decrypt",
            Expect = Allowed,
        },
        new AuthzCase("CA-20", "A foreign role named in the key policy without the role's identity-based Allow is denied.")
        {
            Caller = AuditorSessionB,
            KeyPolicy = Doc(EnableIam, KAllow(AuditorRoleArnB, "kms:Decrypt")),
            Action = "kms:Decrypt",
            Expect = NoIdentityPolicyAllows,
        },
        new AuthzCase("CA-21", "A grant lets a foreign grantee use the key without any policy allowing it [U: grants suffice cross-account].")
        {
            Caller = Dave,
            Grant = new FakeGrant(DaveArn, ["Encrypt"]),
            Expect = AllowedByGrant,
            GrantsConsulted = true,
        },
        new AuthzCase("CA-22", "An alias of another account cannot be used as a resource of an identity-only action.")
        {
            Caller = Dave,
            HasKey = false,
            Resource = AliasArnA,
            Action = "kms:DeleteAlias",
            Identity = [AllowAllKms],
            Expect = NoIdentityPolicyAllows,
        },
        new AuthzCase("CA-23", "A key-policy Allow for the key's own account does not extend to a foreign account's root.")
        {
            Caller = RootB,
            Expect = NoResourcePolicyAllows,
        },
        new AuthzCase("CA-24", "NotPrincipal with Deny spares a foreign user listed together with its account.")
        {
            Caller = Dave,
            KeyPolicy = Doc(EnableIam, KAllow(RootArnB, "kms:*"),
                $$"""{"Effect":"Deny","NotPrincipal":{"AWS":["{{DaveArn}}","{{RootArnB}}","{{RootArnA}}"]},"Action":"kms:*","Resource":"*"}"""),
            Identity = [AllowAllKms],
            Expect = Allowed,
        },
        new AuthzCase("CA-25", "NotPrincipal with Deny listing a foreign user but not its account denies that user [U].")
        {
            Caller = Dave,
            KeyPolicy = Doc(EnableIam, KAllow(RootArnB, "kms:*"),
                $$"""{"Effect":"Deny","NotPrincipal":{"AWS":["{{DaveArn}}","{{RootArnA}}"]},"Action":"kms:*","Resource":"*"}"""),
            Identity = [AllowAllKms],
            Expect = ExplicitDenyInResourcePolicy,
        },
    ];
}
