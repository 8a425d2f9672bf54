using Trent.Core.Identity;
using Trent.Core.Keys;
using Trent.Core.Tests.Authorization.Table;
using static Trent.Core.Tests.Authorization.Table.Expect;
using static Trent.Core.Tests.Authorization.Table.Fixture;

namespace Trent.Core.Tests.Authorization.Cases;

/// <summary>
/// The KMS and global condition keys a request carries, end to end through the authorizer: each row gives alice a
/// key-policy Allow under one condition and checks the request the condition is about.
/// </summary>
public static class KmsConditionKeyCases
{
    /// <summary>A key policy that allows alice every action when <paramref name="condition"/> holds.</summary>
    private static AuthzCase When(string id, string rule, string condition, bool allowed) =>
        new(id, rule)
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:*", condition)),
            Expect = allowed ? Allowed : NoResourcePolicyAllows,
        };

    /// <summary>The same for any caller: Principal "*" under the condition.</summary>
    private static AuthzCase AnyoneWhen(string id, string rule, CallerIdentity caller, string condition, bool allowed) =>
        new(id, rule)
        {
            Caller = caller,
            KeyPolicy = Doc(KAllow("*", "kms:*", condition)),
            Expect = allowed ? Allowed : NoResourcePolicyAllows,
        };

    /// <summary>An identity-based Allow under the condition, with the key delegated to the account.</summary>
    private static AuthzCase IamWhen(string id, string rule, string condition, bool allowed) =>
        new(id, rule)
        {
            Identity = [IPolicy("kms:*", condition: condition)],
            Expect = allowed ? Allowed : NoIdentityPolicyAllows,
        };

    private const string AppBilling = """{"StringEquals":{"kms:EncryptionContext:app":"billing"}}""";
    private const string ViaEc2 = """{"StringEquals":{"kms:ViaService":"ec2.us-east-1.amazonaws.com"}}""";
    private const string ProjectAlpha = """{"StringEquals":{"aws:ResourceTag/Project":"alpha"}}""";
    private const string HasAppAlias = """{"ForAnyValue:StringEquals":{"kms:ResourceAliases":"alias/app"}}""";

    public static IReadOnlyList<ICase> All { get; } =
    [
        // kms:EncryptionContext:<key> and kms:EncryptionContextKeys
        When("KC-01", "kms:EncryptionContext:<key> carries the value of that context key.", AppBilling, true) with { Ec = Ec("app", "billing") },
        When("KC-02", "kms:EncryptionContext:<key> with another value does not match.", AppBilling, false) with { Ec = Ec("app", "payroll") },
        When("KC-03", "kms:EncryptionContext:<key> is missing without an encryption context, so StringEquals fails.", AppBilling, false),
        When("KC-04", "The context key inside kms:EncryptionContext:<key> matches case-insensitively.",
            """{"StringEquals":{"kms:EncryptionContext:APP":"billing"}}""", true) with { Ec = Ec("app", "billing") },
        When("KC-05", "The context value compares case-sensitively under StringEquals.", AppBilling, false) with { Ec = Ec("app", "Billing") },
        When("KC-06", "StringEqualsIgnoreCase compares the context value case-insensitively.",
            """{"StringEqualsIgnoreCase":{"kms:EncryptionContext:app":"billing"}}""", true) with { Ec = Ec("app", "BILLING") },
        When("KC-07", "StringLike applies to context values.", """{"StringLike":{"kms:EncryptionContext:app":"bill*"}}""", true) with { Ec = Ec("app", "billing-eu") },
        When("KC-08", "kms:EncryptionContextKeys holds every key of the context.", """{"ForAnyValue:StringEquals":{"kms:EncryptionContextKeys":"tenant"}}""", true)
            with { Ec = Ec("app", "billing", "tenant", "t1") },
        When("KC-09", "Every pair of the context is its own kms:EncryptionContext:<key>.",
            """{"StringEquals":{"kms:EncryptionContext:app":"billing","kms:EncryptionContext:tenant":"t1"}}""", true)
            with { Ec = Ec("app", "billing", "tenant", "t1") },
        When("KC-10", "Null true on kms:EncryptionContextKeys allows only requests without a context: an empty context counts as none.",
            """{"Null":{"kms:EncryptionContextKeys":"true"}}""", true) with { Ec = Ec() },
        When("KC-11", "Null true on kms:EncryptionContextKeys refuses a request with a context.",
            """{"Null":{"kms:EncryptionContextKeys":"true"}}""", false) with { Ec = Ec("app", "billing") },
        new AuthzCase("KC-12", "A key-policy Deny with Null true on a context key denies requests lacking that key.")
        {
            KeyPolicy = Doc(EnableIam, KDeny("*", "kms:Decrypt", """{"Null":{"kms:EncryptionContext:app":"true"}}""")),
            Identity = [AllowAllKms],
            Action = "kms:Decrypt",
            Ec = Ec("tenant", "t1"),
            Expect = ExplicitDenyInResourcePolicy,
        },

        // kms:CallerAccount, kms:ViaService
        When("KC-13", "kms:CallerAccount is the caller's account.", """{"StringEquals":{"kms:CallerAccount":"111122223333"}}""", true),
        When("KC-14", "kms:CallerAccount does not match another account.", """{"StringEquals":{"kms:CallerAccount":"444455556666"}}""", false),
        When("KC-15", "kms:ViaService is absent for direct calls: an Allow that requires it does not apply.", ViaEc2, false),
        When("KC-16", "kms:ViaService is absent for direct calls: Null true on it holds.", """{"Null":{"kms:ViaService":"true"}}""", true),
        new AuthzCase("KC-17", "A Deny unless kms:ViaService is a given service (StringNotEquals) denies direct calls.")
        {
            KeyPolicy = Doc(EnableIam, KDeny("*", "kms:*", """{"StringNotEquals":{"kms:ViaService":["ec2.us-east-1.amazonaws.com","rds.us-east-1.amazonaws.com"]}}""")),
            Identity = [AllowAllKms],
            Expect = ExplicitDenyInResourcePolicy,
        },

        // kms:RequestAlias, kms:ResourceAliases
        When("KC-18", "kms:RequestAlias is the alias the request named the key by.", """{"StringEquals":{"kms:RequestAlias":"alias/app"}}""", true)
            with { Request = c => c.Set("kms:RequestAlias", "alias/app") },
        When("KC-19", "kms:RequestAlias is absent when the request names the key by id.", """{"StringEquals":{"kms:RequestAlias":"alias/app"}}""", false),
        When("KC-20", "kms:RequestAlias takes StringLike patterns.", """{"StringLike":{"kms:RequestAlias":"alias/app-*"}}""", true)
            with { Request = c => c.Set("kms:RequestAlias", "alias/app-prod") },
        IamWhen("KC-21", "kms:ResourceAliases holds the key's aliases for identity-based policies.", HasAppAlias, true)
            with { Aliases = ["alias/app", "alias/other"] },
        IamWhen("KC-22", "kms:ResourceAliases without the named alias does not match.", HasAppAlias, false) with { Aliases = ["alias/other"] },
        IamWhen("KC-23", "kms:ResourceAliases of a key without aliases matches no ForAnyValue condition.", HasAppAlias, false),
        IamWhen("KC-24", "kms:ResourceAliases takes ForAnyValue:StringLike patterns.", """{"ForAnyValue:StringLike":{"kms:ResourceAliases":"alias/finance-*"}}""", true)
            with { Aliases = ["alias/finance-eu"] },
        IamWhen("KC-25", "kms:ResourceAliases with ForAllValues requires every alias of the key to match.",
            """{"ForAllValues:StringLike":{"kms:ResourceAliases":"alias/finance-*"}}""", false) with { Aliases = ["alias/finance-eu", "alias/other"] },
        new AuthzCase("KC-26", "kms:ResourceAliases is for IAM policies only: a key-policy condition on it does not apply [U].")
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:Encrypt", HasAppAlias)),
            Identity = [IPolicy("kms:Decrypt", condition: HasAppAlias)],
            Aliases = ["alias/app"],
            Expect = NoResourcePolicyAllows,
        },
        new AuthzCase("KC-27", "A key policy referring to kms:ResourceAliases without any identity-based policy doing so sees no aliases.")
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:Encrypt", HasAppAlias)),
            Aliases = ["alias/app"],
            Expect = NoResourcePolicyAllows,
        },

        // Key properties
        When("KC-28", "kms:KeySpec is the key's spec.", """{"StringEquals":{"kms:KeySpec":"SYMMETRIC_DEFAULT"}}""", true),
        When("KC-29", "kms:KeySpec of an RSA signing key matches RSA_*.", """{"StringLike":{"kms:KeySpec":"RSA_*"}}""", true)
            with { KeySpec = KeySpec.RSA_2048, KeyUsage = KeyUsage.SIGN_VERIFY, Action = "kms:Sign" },
        When("KC-30", "kms:KeySpec of a symmetric key does not match RSA_*.", """{"StringLike":{"kms:KeySpec":"RSA_*"}}""", false),
        When("KC-31", "kms:CustomerMasterKeySpec is the deprecated name of kms:KeySpec.", """{"StringEquals":{"kms:CustomerMasterKeySpec":"SYMMETRIC_DEFAULT"}}""", true),
        When("KC-32", "kms:KeyUsage is the key's usage.", """{"StringEquals":{"kms:KeyUsage":"ENCRYPT_DECRYPT"}}""", true),
        When("KC-33", "kms:KeyUsage of an encryption key is not SIGN_VERIFY.", """{"StringEquals":{"kms:KeyUsage":"SIGN_VERIFY"}}""", false),
        When("KC-34", "kms:CustomerMasterKeyUsage is the deprecated name of kms:KeyUsage.", """{"StringEquals":{"kms:CustomerMasterKeyUsage":"ENCRYPT_DECRYPT"}}""", true),
        When("KC-35", "kms:KeyOrigin is the key's origin.", """{"StringEquals":{"kms:KeyOrigin":"EXTERNAL"}}""", true) with { Origin = KeyOrigin.EXTERNAL },
        When("KC-36", "kms:KeyOrigin of a KMS-generated key is AWS_KMS.", """{"StringEquals":{"kms:KeyOrigin":"EXTERNAL"}}""", false),
        When("KC-37", "kms:MultiRegion is true for a multi-Region key.", """{"Bool":{"kms:MultiRegion":"true"}}""", true) with { MultiRegion = true },
        When("KC-38", "kms:MultiRegion is false for a single-Region key.", """{"Bool":{"kms:MultiRegion":"true"}}""", false),
        When("KC-39", "kms:MultiRegionKeyType is PRIMARY for a multi-Region primary key.", """{"StringEquals":{"kms:MultiRegionKeyType":"PRIMARY"}}""", true)
            with { MultiRegion = true },
        When("KC-40", "kms:MultiRegionKeyType is absent for a single-Region key.", """{"Null":{"kms:MultiRegionKeyType":"true"}}""", true),

        // aws:ResourceTag, aws:RequestTag, aws:TagKeys
        When("KC-41", "aws:ResourceTag/<key> is the value of the key's tag.", ProjectAlpha, true) with { Tags = [new KeyTag("Project", "alpha")] },
        When("KC-42", "aws:ResourceTag/<key> with another value does not match.", ProjectAlpha, false) with { Tags = [new KeyTag("Project", "beta")] },
        When("KC-43", "aws:ResourceTag/<key> is missing on an untagged key.", ProjectAlpha, false),
        When("KC-44", "The tag key inside aws:ResourceTag/<key> matches case-insensitively.", """{"StringEquals":{"aws:ResourceTag/project":"alpha"}}""", true)
            with { Tags = [new KeyTag("Project", "alpha")] },
        When("KC-45", "The tag value compares case-sensitively under StringEquals.", ProjectAlpha, false) with { Tags = [new KeyTag("Project", "Alpha")] },
        new AuthzCase("KC-46", "aws:RequestTag/<key> is the value of a tag in a kms:CreateKey request.")
        {
            HasKey = false,
            Action = "kms:CreateKey",
            Identity = [IPolicy("kms:CreateKey", condition: """{"StringEquals":{"aws:RequestTag/Project":"alpha"}}""")],
            RequestTags = [new KeyTag("Project", "alpha")],
            Expect = Allowed,
        },
        new AuthzCase("KC-47", "aws:RequestTag/<key> with another value refuses kms:CreateKey.")
        {
            HasKey = false,
            Action = "kms:CreateKey",
            Identity = [IPolicy("kms:CreateKey", condition: """{"StringEquals":{"aws:RequestTag/Project":"alpha"}}""")],
            RequestTags = [new KeyTag("Project", "beta")],
            Expect = NoIdentityPolicyAllows,
        },
        new AuthzCase("KC-48", "aws:TagKeys with ForAllValues allows a kms:CreateKey whose tag keys are all listed.")
        {
            HasKey = false,
            Action = "kms:CreateKey",
            Identity = [IPolicy("kms:CreateKey", condition: """{"ForAllValues:StringEquals":{"aws:TagKeys":["Project","Owner"]}}""")],
            RequestTags = [new KeyTag("Project", "alpha")],
            Expect = Allowed,
        },
        new AuthzCase("KC-49", "aws:TagKeys with ForAllValues refuses a kms:CreateKey with an unlisted tag key.")
        {
            HasKey = false,
            Action = "kms:CreateKey",
            Identity = [IPolicy("kms:CreateKey", condition: """{"ForAllValues:StringEquals":{"aws:TagKeys":["Project","Owner"]}}""")],
            RequestTags = [new KeyTag("Project", "alpha"), new KeyTag("Secret", "x")],
            Expect = NoIdentityPolicyAllows,
        },
        When("KC-50", "aws:TagKeys carries the tag keys of a kms:TagResource request on the key.",
            """{"ForAnyValue:StringEquals":{"aws:TagKeys":"Project"}}""", true) with { Action = "kms:TagResource", RequestTags = [new KeyTag("Project", "x")] },
        When("KC-51", "aws:ResourceTag is the key's existing tag, not the tag being added.", ProjectAlpha, false)
            with { Action = "kms:TagResource", RequestTags = [new KeyTag("Project", "alpha")] },

        // aws:Principal*, aws:userid, aws:username
        When("KC-52", "aws:PrincipalArn of an IAM user is the user's ARN.", """{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:user/alice"}}""", true),
        When("KC-53", "aws:PrincipalAccount is the caller's account.", """{"StringEquals":{"aws:PrincipalAccount":"111122223333"}}""", true),
        When("KC-54", "aws:PrincipalType of an IAM user is User.", """{"StringEquals":{"aws:PrincipalType":"User"}}""", true),
        AnyoneWhen("KC-55", "aws:PrincipalType of the account root is Account.", RootA, """{"StringEquals":{"aws:PrincipalType":"Account"}}""", true),
        AnyoneWhen("KC-56", "aws:PrincipalArn of the account root is the account's root ARN.", RootA,
            """{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:root"}}""", true),
        When("KC-57", "aws:username is the IAM user's name.", """{"StringEquals":{"aws:username":"alice"}}""", true),
        AnyoneWhen("KC-58", "The account root has no aws:username.", RootA, """{"StringLike":{"aws:username":"*"}}""", false),
        When("KC-59", "aws:userid of an IAM user is its unique id.", """{"StringEquals":{"aws:userid":"AIDAALICE"}}""", true),
        AnyoneWhen("KC-60", "aws:userid of the account root is the account id.", RootA, """{"StringEquals":{"aws:userid":"111122223333"}}""", true),
        AnyoneWhen("KC-61", "aws:userid does not carry another user's id.", Alice, """{"StringEquals":{"aws:userid":"AIDABOB"}}""", false),

        // aws:SourceIp, aws:SecureTransport, aws:CurrentTime, aws:EpochTime and others
        When("KC-62", "aws:SourceIp is the client's address.", """{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}""", true),
        When("KC-63", "aws:SourceIp outside the range does not match.", """{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}""", false) with { SourceIp = "198.51.100.7" },
        new AuthzCase("KC-64", "An unknown source address is a missing aws:SourceIp: a NotIpAddress Deny applies.")
        {
            KeyPolicy = Doc(EnableIam, KDeny("*", "kms:*", """{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}""")),
            Identity = [AllowAllKms],
            SourceIp = null,
            Expect = ExplicitDenyInResourcePolicy,
        },
        new AuthzCase("KC-65", "aws:SecureTransport is false over plain HTTP: a Deny on false applies.")
        {
            KeyPolicy = Doc(EnableIam, KDeny("*", "kms:*", """{"Bool":{"aws:SecureTransport":"false"}}""")),
            Identity = [AllowAllKms],
            SecureTransport = false,
            Expect = ExplicitDenyInResourcePolicy,
        },
        When("KC-66", "aws:SecureTransport is true over TLS.", """{"Bool":{"aws:SecureTransport":"true"}}""", true),
        When("KC-67", "aws:CurrentTime is the request's time: before a later date.", """{"DateLessThan":{"aws:CurrentTime":"2025-01-01T00:00:00Z"}}""", true),
        When("KC-68", "aws:CurrentTime is the request's time: not after a later date.", """{"DateGreaterThan":{"aws:CurrentTime":"2025-01-01T00:00:00Z"}}""", false),
        When("KC-69", "aws:CurrentTime moves with the request's clock.", """{"DateGreaterThan":{"aws:CurrentTime":"2025-01-01T00:00:00Z"}}""", true)
            with { Now = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero) },
        When("KC-70", "aws:EpochTime is the request's time in seconds, for numeric operators.", """{"NumericLessThan":{"aws:EpochTime":"1735689600"}}""", true),
        When("KC-71", "aws:EpochTime compares exactly: the request's second is not less than itself.", """{"NumericLessThan":{"aws:EpochTime":"1718452800"}}""", false),
        When("KC-72", "aws:EpochTime also compares as a date.", """{"DateGreaterThanEquals":{"aws:EpochTime":"2024-06-15T12:00:00Z"}}""", true),
        When("KC-73", "aws:RequestedRegion is the request's region.", """{"StringEquals":{"aws:RequestedRegion":"us-east-1"}}""", true),
        When("KC-74", "kms:EncryptionAlgorithm carries the request's algorithm.", """{"StringEquals":{"kms:EncryptionAlgorithm":"SYMMETRIC_DEFAULT"}}""", true)
            with { Request = c => c.Set("kms:EncryptionAlgorithm", "SYMMETRIC_DEFAULT") },
        When("KC-75", "kms:GrantIsForAWSResource is absent for direct callers: an Allow requiring it does not apply.",
            """{"Bool":{"kms:GrantIsForAWSResource":"true"}}""", false) with { Action = "kms:CreateGrant" },
        When("KC-76", "kms:GrantOperations carries the operations of a CreateGrant request.",
            """{"ForAllValues:StringEquals":{"kms:GrantOperations":["Encrypt","Decrypt"]}}""", false)
            with { Action = "kms:CreateGrant", Request = c => c.SetMany("kms:GrantOperations", ["Decrypt", "ReEncryptFrom"]) },
        new AuthzCase("KC-77", "kms:BypassPolicyLockoutSafetyCheck carries the request's flag: a Deny on true applies to a PutKeyPolicy that sets it.")
        {
            KeyPolicy = Doc(EnableIam, KDeny("*", "kms:PutKeyPolicy", """{"Bool":{"kms:BypassPolicyLockoutSafetyCheck":"true"}}""")),
            Caller = RootA,
            Action = "kms:PutKeyPolicy",
            Request = c => c.Set("kms:BypassPolicyLockoutSafetyCheck", true),
            Expect = ExplicitDenyInResourcePolicy,
        },
    ];
}
