using Trent.Core.Tests.Authorization.Table;
using static Trent.Core.Tests.Authorization.Table.Expect;
using static Trent.Core.Tests.Authorization.Table.Fixture;

namespace Trent.Core.Tests.Authorization.Cases;

/// <summary>
/// The lockout safety check: the new key policy must still let the caller call kms:PutKeyPolicy, with the caller's
/// identity-based policies counting only where the new policy delegates to the caller's account.
/// </summary>
public static class LockoutCases
{
    public static IReadOnlyList<ICase> All { get; } =
    [
        new AuthzCase("LO-01", "The default key policy passes the lockout check for the account root.")
        {
            Caller = RootA,
            Expect = LockoutPasses,
        },
        new AuthzCase("LO-02", "The default key policy passes for a user whose identity-based policy allows kms:PutKeyPolicy.")
        {
            Identity = [IPolicy("kms:PutKeyPolicy")],
            Expect = LockoutPasses,
        },
        new AuthzCase("LO-03", "The default key policy fails for a user without an identity-based Allow for kms:PutKeyPolicy.")
        {
            Expect = LockoutFails,
        },
        new AuthzCase("LO-04", "The default key policy fails for a user whose identity-based policy allows only other actions.")
        {
            Identity = [IPolicy("kms:Encrypt")],
            Expect = LockoutFails,
        },
        new AuthzCase("LO-05", "A policy naming the caller with kms:PutKeyPolicy passes without identity-based policies.")
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:PutKeyPolicy")),
            Expect = LockoutPasses,
        },
        new AuthzCase("LO-06", "A policy naming the caller with kms:Put* passes: wildcards count.")
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:Put*")),
            Expect = LockoutPasses,
        },
        new AuthzCase("LO-07", "A policy that lets the caller use but not administer the key fails.")
        {
            KeyPolicy = Doc(KAllow(AliceArn, """["kms:Encrypt","kms:Decrypt"]""")),
            Expect = LockoutFails,
        },
        new AuthzCase("LO-08", "A policy that denies kms:PutKeyPolicy to everyone fails, even for the root.")
        {
            Caller = RootA,
            KeyPolicy = Doc(EnableIam, KDeny("*", "kms:PutKeyPolicy")),
            Expect = LockoutFails,
        },
        new AuthzCase("LO-09", "A policy naming only another user fails for the caller.")
        {
            KeyPolicy = Doc(KAllow(BobArn, "kms:*")),
            Identity = [AllowAllKms],
            Expect = LockoutFails,
        },
        new AuthzCase("LO-10", "A policy omitting the account fails for the root: the root is subject to the key policy.")
        {
            Caller = RootA,
            KeyPolicy = Doc(KAllow(AliceArn, "kms:*")),
            Expect = LockoutFails,
        },
        new AuthzCase("LO-11", "The caller's identity-based Deny of kms:PutKeyPolicy makes the check fail.")
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:*")),
            Identity = [Doc(IDeny("kms:PutKeyPolicy"))],
            Expect = LockoutFails,
        },
        new AuthzCase("LO-12", "The check evaluates with kms:BypassPolicyLockoutSafetyCheck false: an Allow requiring it to be true fails.")
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:PutKeyPolicy", """{"Bool":{"kms:BypassPolicyLockoutSafetyCheck":"true"}}""")),
            Expect = LockoutFails,
        },
        new AuthzCase("LO-13", "An Allow conditioned on kms:BypassPolicyLockoutSafetyCheck being false passes.")
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:PutKeyPolicy", """{"Bool":{"kms:BypassPolicyLockoutSafetyCheck":"false"}}""")),
            Expect = LockoutPasses,
        },
        new AuthzCase("LO-14", "A grant cannot satisfy the lockout check.")
        {
            KeyPolicy = Doc(KAllow(BobArn, "kms:*")),
            Grant = new FakeGrant(AliceArn, ["PutKeyPolicy"]),
            Expect = LockoutFails,
        },
        new AuthzCase("LO-15", "NotAction allowing everything except kms:PutKeyPolicy fails.")
        {
            KeyPolicy = Doc("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"NotAction":"kms:PutKeyPolicy","Resource":"*"}"""),
            Expect = LockoutFails,
        },
        new AuthzCase("LO-16", "The request's own facts count: an Allow for the caller's network passes from inside it.")
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:PutKeyPolicy", """{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}""")),
            Expect = LockoutPasses,
        },
        new AuthzCase("LO-17", "The request's own facts count: an Allow for another network fails from outside it.")
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:PutKeyPolicy", """{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}""")),
            SourceIp = "198.51.100.7",
            Expect = LockoutFails,
        },
        new AuthzCase("LO-18", "A Deny of kms:PutKeyPolicy to another user does not lock the caller out.")
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:*"), KDeny(BobArn, "kms:PutKeyPolicy")),
            Expect = LockoutPasses,
        },
        new AuthzCase("LO-19", "A policy with Principal \"*\" and kms:* passes for any caller.")
        {
            Caller = Carol,
            KeyPolicy = Doc(KAllow("*", "kms:*")),
            Expect = LockoutPasses,
        },
        new AuthzCase("LO-20", "A policy naming the bare account id passes for the account root.")
        {
            Caller = RootA,
            KeyPolicy = Doc(KAllow(A, "kms:*")),
            Expect = LockoutPasses,
        },
        new AuthzCase("LO-21", "An identity-based Allow of kms:PutKeyPolicy on another key does not satisfy the check.")
        {
            Identity = [IPolicy("kms:PutKeyPolicy", OtherKeyArnA)],
            Expect = LockoutFails,
        },
        new AuthzCase("LO-22", "A key-policy Deny of kms:PutKeyPolicy for the caller's account locks out the account's users.")
        {
            Identity = [IPolicy("kms:*")],
            KeyPolicy = Doc(EnableIam, KDeny(A, "kms:PutKeyPolicy")),
            Expect = LockoutFails,
        },
    ];
}
