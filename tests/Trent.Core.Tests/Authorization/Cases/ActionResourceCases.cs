using Trent.Core.Tests.Authorization.Table;
using static Trent.Core.Tests.Authorization.Table.Expect;
using static Trent.Core.Tests.Authorization.Table.Fixture;

namespace Trent.Core.Tests.Authorization.Cases;

/// <summary>Action/NotAction and Resource/NotResource matching, and actions without a resource.</summary>
public static class ActionResourceCases
{
    private static AuthzCase ActionRow(string id, string rule, string pattern, string action, bool allowed) =>
        new(id, rule)
        {
            KeyPolicy = Doc(KAllow(AliceArn, pattern)),
            Action = action,
            Expect = allowed ? Allowed : NoResourcePolicyAllows,
        };

    private static AuthzCase ResourceRow(string id, string rule, string resource, bool allowed) =>
        new(id, rule)
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:*", resource: resource)),
            Expect = allowed ? Allowed : NoResourcePolicyAllows,
        };

    private static AuthzCase NotActionRow(string id, string rule, string notAction, string action, bool allowed) =>
        new(id, rule)
        {
            KeyPolicy = Doc($$"""{"Effect":"Allow","Principal":{"AWS":"{{AliceArn}}"},"NotAction":{{J(notAction)}},"Resource":"*"}"""),
            Action = action,
            Expect = allowed ? Allowed : NoResourcePolicyAllows,
        };

    private static AuthzCase NotResourceRow(string id, string rule, string notResource, bool allowed) =>
        new(id, rule)
        {
            Identity = [Doc($$$"""{"Effect":"Allow","Action":"kms:*","NotResource":{{{J(notResource)}}}}""")],
            Expect = allowed ? Allowed : NoIdentityPolicyAllows,
        };

    private static AuthzCase Keyless(string id, string rule, string action, Expect expect, params string[] identity) =>
        new(id, rule) { HasKey = false, Action = action, Identity = identity, Expect = expect };

    public static IReadOnlyList<ICase> All { get; } =
    [
        ActionRow("AR-01", "kms:* matches every KMS action.", "kms:*", "kms:ScheduleKeyDeletion", true),
        ActionRow("AR-02", "Action names are case-insensitive: kms:encrypt matches kms:Encrypt.", "kms:encrypt", "kms:Encrypt", true),
        ActionRow("AR-03", "The service prefix is case-insensitive too: KMS:ENCRYPT matches kms:Encrypt.", "KMS:ENCRYPT", "kms:Encrypt", true),
        ActionRow("AR-04", "A trailing * matches an action prefix: kms:GenerateDataKey* matches kms:GenerateDataKeyWithoutPlaintext.",
            "kms:GenerateDataKey*", "kms:GenerateDataKeyWithoutPlaintext", true),
        ActionRow("AR-05", "* also matches the empty string: kms:GenerateDataKey* matches kms:GenerateDataKey itself.",
            "kms:GenerateDataKey*", "kms:GenerateDataKey", true),
        ActionRow("AR-06", "A wildcard prefix matches only its prefix: kms:GenerateDataKey* does not match kms:Encrypt.",
            "kms:GenerateDataKey*", "kms:Encrypt", false),
        ActionRow("AR-07", "? matches exactly one character: kms:?ncrypt matches kms:Encrypt.", "kms:?ncrypt", "kms:Encrypt", true),
        ActionRow("AR-08", "? does not match zero characters: kms:De?crypt does not match kms:Decrypt.", "kms:De?crypt", "kms:Decrypt", false),
        ActionRow("AR-09", "A leading * matches an action suffix: kms:*Key matches kms:DisableKey.", "kms:*Key", "kms:DisableKey", true),
        ActionRow("AR-10", "A suffix pattern must match to the end: kms:*Key does not match kms:DisableKeyRotation.", "kms:*Key", "kms:DisableKeyRotation", false),
        ActionRow("AR-11", "An action list matches when any entry matches.", """["kms:Decrypt","kms:Encrypt"]""", "kms:Encrypt", true),
        ActionRow("AR-12", "An action list matches nothing it does not list.", """["kms:Decrypt","kms:Encrypt"]""", "kms:Sign", false),
        ActionRow("AR-13", "Another service's actions do not match a KMS action.", "s3:*", "kms:Encrypt", false),
        ActionRow("AR-14", "Action \"*\" matches every action of every service.", "*", "kms:CreateGrant", true),
        ActionRow("AR-15", "An exact action name does not match a longer action: kms:ReEncrypt does not match kms:ReEncryptFrom.",
            "kms:ReEncrypt", "kms:ReEncryptFrom", false),
        ActionRow("AR-16", "kms:ReEncrypt* covers both halves of ReEncrypt: kms:ReEncryptTo.", "kms:ReEncrypt*", "kms:ReEncryptTo", true),
        NotActionRow("AR-17", "NotAction allows every action except those listed.", "kms:ScheduleKeyDeletion", "kms:Encrypt", true),
        NotActionRow("AR-18", "NotAction does not allow the actions it lists.", "kms:ScheduleKeyDeletion", "kms:ScheduleKeyDeletion", false),
        NotActionRow("AR-19", "NotAction patterns use wildcards: NotAction kms:*Deletion excludes kms:CancelKeyDeletion.",
            "kms:*Deletion", "kms:CancelKeyDeletion", false),
        NotActionRow("AR-20", "NotAction compares case-insensitively: NotAction kms:encrypt excludes kms:Encrypt.", "kms:encrypt", "kms:Encrypt", false),
        NotActionRow("AR-21", "NotAction naming only another service's actions allows every KMS action.", "s3:*", "kms:Decrypt", true),
        ResourceRow("AR-22", "Resource \"*\" in a key policy means the key the policy is attached to.", "*", true),
        ResourceRow("AR-23", "The key's own ARN as Resource matches.", KeyArnA, true),
        ResourceRow("AR-24", "A key ARN pattern with wildcards matches: arn:aws:kms:us-east-1:111122223333:key/*.",
            "arn:aws:kms:us-east-1:111122223333:key/*", true),
        ResourceRow("AR-25", "? in a Resource matches one character: arn:aws:kms:us-east-?:111122223333:key/*.",
            "arn:aws:kms:us-east-?:111122223333:key/*", true),
        ResourceRow("AR-26", "Resource ARNs compare case-sensitively: an upper-cased key id does not match.",
            "arn:aws:kms:us-east-1:111122223333:key/1234ABCD-12AB-34CD-56EF-1234567890AB", false),
        ResourceRow("AR-27", "Another key's ARN as Resource does not match this key.", OtherKeyArnA, false),
        ResourceRow("AR-28", "An alias ARN as Resource does not cover the key the alias points to.", "arn:aws:kms:us-east-1:111122223333:alias/*", false),
        ResourceRow("AR-29", "A Resource in another region does not match.", "arn:aws:kms:us-west-2:111122223333:key/*", false),
        ResourceRow("AR-30", "A Resource list matches when any entry matches.", $"[\"{OtherKeyArnA}\",\"{KeyArnA}\"]", true),
        NotResourceRow("AR-31", "NotResource excluding another key matches this key.", OtherKeyArnA, true),
        NotResourceRow("AR-32", "NotResource listing this key's ARN does not match it.", KeyArnA, false),
        NotResourceRow("AR-33", "NotResource \"*\" matches no resource.", "*", false),
        NotResourceRow("AR-34", "NotResource uses wildcards: NotResource arn:aws:kms:*:*:key/* excludes every key.", "arn:aws:kms:*:*:key/*", false),
        new AuthzCase("AR-35", "A statement without an Action element has no effect.")
        {
            Identity = [Doc("""{"Effect":"Allow","Resource":"*"}""")],
            Expect = NoIdentityPolicyAllows,
        },
        new AuthzCase("AR-36", "A statement without a Resource element has no effect.")
        {
            Identity = [Doc("""{"Effect":"Allow","Action":"kms:*"}""")],
            Expect = NoIdentityPolicyAllows,
        },
        new AuthzCase("AR-37", "An identity-based Allow whose Resource names the key allows it.")
        {
            Identity = [IPolicy("kms:Encrypt", KeyArnA)],
            Expect = Allowed,
        },
        new AuthzCase("AR-38", "An identity-based Allow whose Resource names the key's alias does not allow the key.")
        {
            Identity = [IPolicy("kms:Encrypt", AliasArnA)],
            Aliases = ["alias/app-prod"],
            Expect = NoIdentityPolicyAllows,
        },
        Keyless("AR-39", "kms:CreateKey has no resource and is decided by identity-based policies alone.", "kms:CreateKey", Allowed,
            IPolicy("kms:CreateKey")),
        Keyless("AR-40", "kms:CreateKey without an identity-based Allow is denied, worded as no identity-based policy allowing it.",
            "kms:CreateKey", NoIdentityPolicyAllows),
        Keyless("AR-41", "A Resource other than \"*\" does not match an action without a resource.", "kms:CreateKey", NoIdentityPolicyAllows,
            IPolicy("kms:CreateKey", "arn:aws:kms:us-east-1:111122223333:key/*")),
        Keyless("AR-42", "kms:ListKeys is decided by identity-based policies alone.", "kms:ListKeys", Allowed, IPolicy("kms:List*")),
        Keyless("AR-43", "kms:ListAliases is decided by identity-based policies alone.", "kms:ListAliases", Allowed, IPolicy("kms:ListAliases")),
        Keyless("AR-44", "kms:GenerateRandom is decided by identity-based policies alone.", "kms:GenerateRandom", Allowed, IPolicy("kms:GenerateRandom")),
        Keyless("AR-45", "An identity-based Allow for other actions does not allow kms:GenerateRandom.", "kms:GenerateRandom", NoIdentityPolicyAllows,
            IPolicy("kms:Encrypt")),
        new AuthzCase("AR-46", "The account root may perform actions without a resource with no policy at all.")
        {
            Caller = RootA,
            HasKey = false,
            Action = "kms:CreateKey",
            Expect = Allowed,
        },
        new AuthzCase("AR-47", "An identity-based Allow on an alias pattern allows kms:CreateAlias on a matching alias ARN.")
        {
            HasKey = false,
            Resource = AliasArnA,
            Action = "kms:CreateAlias",
            Identity = [IPolicy("kms:CreateAlias", "arn:aws:kms:us-east-1:111122223333:alias/app-*")],
            Expect = Allowed,
        },
        new AuthzCase("AR-48", "An identity-based Allow on an alias pattern does not allow an alias outside the pattern.")
        {
            HasKey = false,
            Resource = "arn:aws:kms:us-east-1:111122223333:alias/finance",
            Action = "kms:CreateAlias",
            Identity = [IPolicy("kms:CreateAlias", "arn:aws:kms:us-east-1:111122223333:alias/app-*")],
            Expect = NoIdentityPolicyAllows,
        },
        new AuthzCase("AR-49", "An alias of another account cannot be managed even with an identity-based Allow on \"*\".")
        {
            HasKey = false,
            Resource = "arn:aws:kms:us-east-1:444455556666:alias/app-prod",
            Action = "kms:CreateAlias",
            Identity = [AllowAllKms],
            Expect = NoIdentityPolicyAllows,
        },
        new AuthzCase("AR-50", "NotResource applies to an action without a resource, whose resource is \"*\" and matches no key ARN pattern.")
        {
            HasKey = false,
            Action = "kms:CreateKey",
            Identity = [Doc("""{"Effect":"Allow","Action":"kms:CreateKey","NotResource":"arn:aws:kms:*:*:key/*"}""")],
            Expect = Allowed,
        },
    ];
}
