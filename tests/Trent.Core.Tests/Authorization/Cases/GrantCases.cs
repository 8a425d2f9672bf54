using Trent.Core.Authorization.Grants;
using Trent.Core.Tests.Authorization.Table;
using static Trent.Core.Tests.Authorization.Table.Expect;
using static Trent.Core.Tests.Authorization.Table.Fixture;

namespace Trent.Core.Tests.Authorization.Cases;

/// <summary>
/// Grants as the authorizer uses them: consulted only when no policy allows, never after an explicit deny, asked
/// with the operation, encryption context and tokens of the request. The constraint rows use the real
/// <see cref="GrantConstraints"/> through a fake grant checker.
/// </summary>
public static class GrantCases
{
    /// <summary>A key policy that allows only bob, so alice can only get in through a grant.</summary>
    private static readonly string BobOnly = Doc(KAllow(BobArn, "kms:*"));

    private static GrantConstraints Subset(params string[] pairs) => new(GrantConstraintType.EncryptionContextSubset, Ec(pairs));

    private static GrantConstraints Equal(params string[] pairs) => new(GrantConstraintType.EncryptionContextEquals, Ec(pairs));

    private static AuthzCase ConstraintRow(string id, string rule, GrantConstraints constraints, IReadOnlyDictionary<string, string>? ec, bool allowed) =>
        new(id, rule)
        {
            KeyPolicy = BobOnly,
            Action = "kms:Decrypt",
            Ec = ec,
            Grant = new FakeGrant(AliceArn, ["Decrypt"], constraints),
            Expect = allowed ? AllowedByGrant : NoResourcePolicyAllows,
            GrantsConsulted = true,
        };

    public static IReadOnlyList<ICase> All { get; } =
    [
        new AuthzCase("GR-01", "A grant allows an operation that no policy allows.")
        {
            KeyPolicy = BobOnly,
            Grant = new FakeGrant(AliceArn, ["Encrypt"], GrantId: "0123abcd"),
            Expect = AllowedByGrant,
            GrantsConsulted = true,
            Explains = "ALLOW: grant 0123abcd allows kms:Encrypt",
        },
        new AuthzCase("GR-02", "Grants are not consulted when the key policy allows the caller directly.")
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:Encrypt")),
            Grant = new FakeGrant(AliceArn, ["Encrypt"]),
            Expect = Allowed,
            GrantsConsulted = false,
        },
        new AuthzCase("GR-03", "Grants are not consulted when the key policy delegates to the account and an identity-based policy allows.")
        {
            Identity = [IPolicy("kms:Encrypt")],
            Grant = new FakeGrant(AliceArn, ["Encrypt"]),
            Expect = Allowed,
            GrantsConsulted = false,
        },
        new AuthzCase("GR-04", "A grant for another operation does not allow this one.")
        {
            KeyPolicy = BobOnly,
            Grant = new FakeGrant(AliceArn, ["Decrypt"]),
            Expect = NoResourcePolicyAllows,
            GrantsConsulted = true,
        },
        new AuthzCase("GR-05", "A grant for another grantee does not allow the caller.")
        {
            KeyPolicy = BobOnly,
            Grant = new FakeGrant(CarolArn, ["Encrypt"]),
            Expect = NoResourcePolicyAllows,
            GrantsConsulted = true,
        },
        new AuthzCase("GR-06", "The grant check is asked for the grant operation name, the action without kms:.")
        {
            KeyPolicy = BobOnly,
            Action = "kms:GenerateDataKeyWithoutPlaintext",
            Grant = new FakeGrant(AliceArn, ["GenerateDataKeyWithoutPlaintext"]),
            Expect = AllowedByGrant,
        },
        new AuthzCase("GR-07", "A grant allows when the key policy delegates to the account but no identity-based policy allows.")
        {
            Grant = new FakeGrant(AliceArn, ["Encrypt"]),
            Expect = AllowedByGrant,
            GrantsConsulted = true,
        },
        new AuthzCase("GR-08", "Without a matching grant after an account delegation, the denial still names identity-based policies.")
        {
            Grant = new FakeGrant(AliceArn, ["Decrypt"]),
            Expect = NoIdentityPolicyAllows,
            GrantsConsulted = true,
        },
        new AuthzCase("GR-09", "Grant tokens presented with the request reach the grant check.")
        {
            KeyPolicy = BobOnly,
            GrantTokens = ["token-of-a-new-grant"],
            Grant = new FakeGrant(AliceArn, ["Encrypt"]),
            Expect = AllowedByGrant,
        },
        new AuthzCase("GR-10", "A grant never overrides a key-policy Deny, even one that only applies without an encryption context.")
        {
            KeyPolicy = Doc(KAllow(BobArn, "kms:*"), KDeny("*", "kms:Decrypt", """{"Null":{"kms:EncryptionContextKeys":"true"}}""")),
            Action = "kms:Decrypt",
            Grant = new FakeGrant(AliceArn, ["Decrypt"]),
            Expect = ExplicitDenyInResourcePolicy,
            GrantsConsulted = false,
        },
        new AuthzCase("GR-11", "A grant never overrides an identity-based Deny.")
        {
            KeyPolicy = BobOnly,
            Identity = [Doc(IDeny("kms:*"))],
            Grant = new FakeGrant(AliceArn, ["Encrypt"]),
            Expect = ExplicitDenyInIdentityPolicy,
            GrantsConsulted = false,
        },
        new AuthzCase("GR-12", "Grants are not consulted for an action that cannot reach another account's key.")
        {
            Caller = Dave,
            Action = "kms:DisableKey",
            Grant = new FakeGrant(DaveArn, ["DisableKey"]),
            Expect = NoResourcePolicyAllows,
            GrantsConsulted = false,
        },
        new AuthzCase("GR-13", "A grant also serves the account root when the key policy does not name it.")
        {
            Caller = RootA,
            KeyPolicy = BobOnly,
            Grant = new FakeGrant(RootArnA, ["Encrypt"]),
            Expect = AllowedByGrant,
        },
        new AuthzCase("GR-14", "An identity-based Allow without a key-policy delegation does not stop the grant check: the grant allows.")
        {
            KeyPolicy = BobOnly,
            Identity = [AllowAllKms],
            Grant = new FakeGrant(AliceArn, ["Encrypt"]),
            Expect = AllowedByGrant,
        },
        ConstraintRow("GR-15", "EncryptionContextSubset allows a request whose context contains the constraint's pairs.",
            Subset("app", "billing"), Ec("app", "billing", "env", "prod"), true),
        ConstraintRow("GR-16", "EncryptionContextSubset allows a request whose context is exactly the constraint's pairs.",
            Subset("app", "billing"), Ec("app", "billing"), true),
        ConstraintRow("GR-17", "EncryptionContextSubset refuses a request missing one of the pairs.", Subset("app", "billing"), Ec("env", "prod"), false),
        ConstraintRow("GR-18", "EncryptionContextSubset refuses a request without an encryption context.", Subset("app", "billing"), null, false),
        ConstraintRow("GR-19", "EncryptionContextSubset compares values case-sensitively.", Subset("app", "billing"), Ec("app", "Billing"), false),
        ConstraintRow("GR-20", "EncryptionContextSubset compares keys case-insensitively.", Subset("app", "billing"), Ec("APP", "billing"), true),
        ConstraintRow("GR-21", "EncryptionContextEquals allows exactly the constraint's context.", Equal("app", "billing", "env", "prod"),
            Ec("env", "prod", "app", "billing"), true),
        ConstraintRow("GR-22", "EncryptionContextEquals refuses a context with an extra pair.", Equal("app", "billing"), Ec("app", "billing", "env", "prod"), false),
        ConstraintRow("GR-23", "EncryptionContextEquals refuses a context missing a pair.", Equal("app", "billing", "env", "prod"), Ec("app", "billing"), false),
        ConstraintRow("GR-24", "EncryptionContextEquals refuses a request without an encryption context.", Equal("app", "billing"), null, false),
        ConstraintRow("GR-25", "EncryptionContextEquals compares values case-sensitively.", Equal("app", "billing"), Ec("app", "BILLING"), false),
        ConstraintRow("GR-26", "EncryptionContextEquals compares keys case-insensitively.", Equal("app", "billing"), Ec("App", "billing"), true),
        new AuthzCase("GR-27", "A grant's constraint does not apply to kms:DescribeKey, which takes no encryption context.")
        {
            KeyPolicy = BobOnly,
            Action = "kms:DescribeKey",
            Grant = new FakeGrant(AliceArn, ["DescribeKey"], Equal("app", "billing")),
            Expect = AllowedByGrant,
        },
        new AuthzCase("GR-28", "A grant's constraint does not apply to kms:RetireGrant.")
        {
            KeyPolicy = BobOnly,
            Action = "kms:RetireGrant",
            Grant = new FakeGrant(AliceArn, ["RetireGrant"], Subset("app", "billing")),
            Expect = AllowedByGrant,
        },
        new AuthzCase("GR-29", "A key-policy condition on the encryption context does not stop a grant without that condition.")
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:Decrypt", """{"StringEquals":{"kms:EncryptionContext:app":"payroll"}}""")),
            Action = "kms:Decrypt",
            Ec = Ec("app", "billing"),
            Grant = new FakeGrant(AliceArn, ["Decrypt"], Subset("app", "billing")),
            Expect = AllowedByGrant,
        },
    ];
}
