using Trent.Core.Authorization.Policies;
using Trent.Core.Tests.Authorization.Table;
using static Trent.Core.Tests.Authorization.Table.Expect;
using static Trent.Core.Tests.Authorization.Table.Fixture;
using static Trent.Core.Tests.Authorization.Table.PolicyCase;

namespace Trent.Core.Tests.Authorization.Cases;

/// <summary>ForAllValues and ForAnyValue on multi-valued keys (aws:TagKeys, kms:EncryptionContextKeys).</summary>
public static class SetQualifierCases
{
    private static ConditionValues Tags(params string[] keys) => Ctx().SetMany("aws:TagKeys", keys);

    private static string T(string op, string values) => $$$"""{"{{{op}}}":{"aws:TagKeys":{{{J(values)}}}}}""";

    private const string Allowed2 = """["Project","Owner"]""";

    private static AuthzCase KeysRow(string id, string rule, string condition, IReadOnlyDictionary<string, string>? ec, bool allowed) =>
        new(id, rule)
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:Decrypt", condition)),
            Action = "kms:Decrypt",
            Ec = ec,
            Expect = allowed ? Expect.Allowed : NoResourcePolicyAllows,
        };

    public static IReadOnlyList<ICase> All { get; } =
    [
        Cond("SQ-01", "ForAllValues:StringEquals is true when every request value is in the policy's set.", T("ForAllValues:StringEquals", Allowed2),
            Tags("Project", "Owner"), true),
        Cond("SQ-02", "ForAllValues:StringEquals is true for a subset of the policy's set.", T("ForAllValues:StringEquals", Allowed2), Tags("Owner"), true),
        Cond("SQ-03", "ForAllValues:StringEquals is false when one request value is outside the policy's set.", T("ForAllValues:StringEquals", Allowed2),
            Tags("Project", "Secret"), false),
        Cond("SQ-04", "ForAllValues is true for an empty set.", T("ForAllValues:StringEquals", Allowed2), Tags(), true),
        Cond("SQ-05", "ForAllValues is true when the key is missing.", T("ForAllValues:StringEquals", Allowed2), Ctx(), true),
        Cond("SQ-06", "ForAnyValue:StringEquals is true when at least one request value is in the policy's set.", T("ForAnyValue:StringEquals", Allowed2),
            Tags("Secret", "Owner"), true),
        Cond("SQ-07", "ForAnyValue:StringEquals is false when no request value is in the policy's set.", T("ForAnyValue:StringEquals", Allowed2),
            Tags("Secret", "Cost"), false),
        Cond("SQ-08", "ForAnyValue is false for an empty set.", T("ForAnyValue:StringEquals", Allowed2), Tags(), false),
        Cond("SQ-09", "ForAnyValue is false when the key is missing.", T("ForAnyValue:StringEquals", Allowed2), Ctx(), false),
        Cond("SQ-10", "ForAllValues:StringLike applies wildcards to every request value.", T("ForAllValues:StringLike", "app-*"), Tags("app-1", "app-2"), true),
        Cond("SQ-11", "ForAllValues:StringLike is false when one request value matches no pattern.", T("ForAllValues:StringLike", "app-*"),
            Tags("app-1", "db-1"), false),
        Cond("SQ-12", "ForAnyValue:StringLike is true when one request value matches a pattern.", T("ForAnyValue:StringLike", "app-*"), Tags("db-1", "app-2"), true),
        Cond("SQ-13", "ForAllValues:StringNotEquals is true when no request value is in the policy's set.", T("ForAllValues:StringNotEquals", Allowed2),
            Tags("Secret", "Cost"), true),
        Cond("SQ-14", "ForAllValues:StringNotEquals is false when any request value is in the policy's set.", T("ForAllValues:StringNotEquals", Allowed2),
            Tags("Secret", "Owner"), false),
        Cond("SQ-15", "ForAnyValue:StringNotEquals is true when some request value is outside the policy's set.", T("ForAnyValue:StringNotEquals", Allowed2),
            Tags("Project", "Secret"), true),
        Cond("SQ-16", "ForAnyValue:StringNotEquals is false when every request value is in the policy's set.", T("ForAnyValue:StringNotEquals", Allowed2),
            Tags("Project", "Owner"), false),
        Cond("SQ-17", "ForAnyValue with a negated operator is still false when the key is missing.", T("ForAnyValue:StringNotEquals", Allowed2), Ctx(), false),
        Cond("SQ-18", "ForAllValues with a negated operator is still true when the key is missing.", T("ForAllValues:StringNotEquals", Allowed2), Ctx(), true),
        Cond("SQ-19", "ForAllValues:StringEqualsIgnoreCase ignores case for every value.", T("ForAllValues:StringEqualsIgnoreCase", Allowed2),
            Tags("PROJECT", "owner"), true),
        Cond("SQ-20", "ForAllValues:StringEquals is case-sensitive.", T("ForAllValues:StringEquals", Allowed2), Tags("project"), false),
        Cond("SQ-21", "ForAnyValue on a single-valued key treats the value as a one-element set.", """{"ForAnyValue:StringEquals":{"aws:username":["alice","bob"]}}""",
            Ctx().Set("aws:username", "alice"), true),
        Cond("SQ-22", "ForAllValues with a repeated request value checks each occurrence.", T("ForAllValues:StringEquals", Allowed2),
            Tags("Owner", "Owner"), true),
        Cond("SQ-23", "Without a set qualifier, a multi-valued key matches when any of its values matches [U].", T("StringEquals", "Owner"),
            Tags("Project", "Owner"), true),
        Cond("SQ-24", "Without a set qualifier, StringNotEquals on a multi-valued key is true only when no value equals the policy value [U].",
            T("StringNotEquals", "Owner"), Tags("Project", "Owner"), false),
        Cond("SQ-25", "ForAnyValue:StringLikeIfExists is true when the key is missing.", T("ForAnyValue:StringLikeIfExists", "app-*"), Ctx(), true),
        Cond("SQ-26", "ForAllValues:StringEqualsIfExists on a present set evaluates as ForAllValues.", T("ForAllValues:StringEqualsIfExists", Allowed2),
            Tags("Secret"), false),
        KeysRow("SQ-27", "ForAllValues:StringEquals on kms:EncryptionContextKeys lets a request without any encryption context through (AWS's documented pitfall).",
            """{"ForAllValues:StringEquals":{"kms:EncryptionContextKeys":["app"]}}""", null, true),
        KeysRow("SQ-28", "ForAllValues:StringEquals on kms:EncryptionContextKeys refuses a context with an unlisted key.",
            """{"ForAllValues:StringEquals":{"kms:EncryptionContextKeys":["app"]}}""", Ec("app", "x", "other", "y"), false),
        KeysRow("SQ-29", "ForAllValues plus Null false on kms:EncryptionContextKeys requires a context whose keys are all listed.",
            """{"ForAllValues:StringEquals":{"kms:EncryptionContextKeys":["app"]},"Null":{"kms:EncryptionContextKeys":"false"}}""", Ec("app", "x"), true),
        KeysRow("SQ-30", "ForAllValues plus Null false on kms:EncryptionContextKeys refuses a request without a context.",
            """{"ForAllValues:StringEquals":{"kms:EncryptionContextKeys":["app"]},"Null":{"kms:EncryptionContextKeys":"false"}}""", null, false),
        KeysRow("SQ-31", "ForAnyValue:StringEquals on kms:EncryptionContextKeys requires at least one listed key.",
            """{"ForAnyValue:StringEquals":{"kms:EncryptionContextKeys":["app","tenant"]}}""", Ec("tenant", "t1", "other", "y"), true),
        KeysRow("SQ-32", "ForAnyValue:StringEquals on kms:EncryptionContextKeys refuses a request without a context.",
            """{"ForAnyValue:StringEquals":{"kms:EncryptionContextKeys":["app","tenant"]}}""", null, false),
        KeysRow("SQ-33", "An empty encryption context is an empty set: ForAnyValue on kms:EncryptionContextKeys refuses it.",
            """{"ForAnyValue:StringLike":{"kms:EncryptionContextKeys":"*"}}""", Ec(), false),
    ];
}
