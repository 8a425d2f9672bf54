using Trent.Core.Authorization.Policies;
using Trent.Core.Tests.Authorization.Table;
using static Trent.Core.Tests.Authorization.Table.Fixture;
using static Trent.Core.Tests.Authorization.Table.PolicyCase;

namespace Trent.Core.Tests.Authorization.Cases;

/// <summary>The string operators, and how values, keys and operator blocks combine.</summary>
public static class StringConditionCases
{
    private const string Key = "kms:EncryptionContext:project";

    private static ConditionValues Project(string value) => Ctx().Set(Key, value);

    private static string C(string op, string values) => $$$"""{"{{{op}}}":{"{{{Key}}}":{{{J(values)}}}}}""";

    public static IReadOnlyList<ICase> All { get; } =
    [
        Cond("SC-01", "StringEquals matches an identical value.", C("StringEquals", "alpha"), Project("alpha"), true),
        Cond("SC-02", "StringEquals is case-sensitive.", C("StringEquals", "alpha"), Project("Alpha"), false),
        Cond("SC-03", "Multiple values for one key are OR-ed: StringEquals matches any of them.", C("StringEquals", """["beta","alpha"]"""), Project("alpha"), true),
        Cond("SC-04", "StringEquals with several values is false when none matches.", C("StringEquals", """["beta","gamma"]"""), Project("alpha"), false),
        Cond("SC-05", "StringEquals does not treat * as a wildcard.", C("StringEquals", "al*"), Project("alpha"), false),
        Cond("SC-06", "StringEquals compares * literally: a policy value al* matches the request value al*.", C("StringEquals", "al*"), Project("al*"), true),
        Cond("SC-07", "StringEquals does not match a prefix.", C("StringEquals", "alp"), Project("alpha"), false),
        Cond("SC-08", "StringNotEquals is true for a different value.", C("StringNotEquals", "alpha"), Project("beta"), true),
        Cond("SC-09", "StringNotEquals is false for an identical value.", C("StringNotEquals", "alpha"), Project("alpha"), false),
        Cond("SC-10", "StringNotEquals with several values is false when the request value equals any of them.",
            C("StringNotEquals", """["alpha","beta"]"""), Project("beta"), false),
        Cond("SC-11", "StringNotEquals with several values is true when the request value equals none of them.",
            C("StringNotEquals", """["alpha","beta"]"""), Project("gamma"), true),
        Cond("SC-12", "StringNotEquals is case-sensitive: a value differing only in case is not equal.", C("StringNotEquals", "alpha"), Project("ALPHA"), true),
        Cond("SC-13", "StringEqualsIgnoreCase matches a value differing only in case.", C("StringEqualsIgnoreCase", "alpha"), Project("ALPHA"), true),
        Cond("SC-14", "StringEqualsIgnoreCase does not match a different value.", C("StringEqualsIgnoreCase", "alpha"), Project("beta"), false),
        Cond("SC-15", "StringNotEqualsIgnoreCase is false for a value differing only in case.", C("StringNotEqualsIgnoreCase", "alpha"), Project("Alpha"), false),
        Cond("SC-16", "StringNotEqualsIgnoreCase is true for a different value.", C("StringNotEqualsIgnoreCase", "alpha"), Project("beta"), true),
        Cond("SC-17", "StringLike * matches any run of characters.", C("StringLike", "prod-*"), Project("prod-eu-1"), true),
        Cond("SC-18", "StringLike * also matches the empty string.", C("StringLike", "prod-*"), Project("prod-"), true),
        Cond("SC-19", "StringLike ? matches exactly one character.", C("StringLike", "v?"), Project("v1"), true),
        Cond("SC-20", "StringLike ? does not match zero characters.", C("StringLike", "v?"), Project("v"), false),
        Cond("SC-21", "StringLike ? does not match two characters.", C("StringLike", "v?"), Project("v10"), false),
        Cond("SC-22", "StringLike is case-sensitive.", C("StringLike", "Prod*"), Project("prod-1"), false),
        Cond("SC-23", "StringLike may hold several wildcards.", C("StringLike", "*-eu-*"), Project("app-eu-1"), true),
        Cond("SC-24", "StringLike without wildcards is an exact match.", C("StringLike", "prod"), Project("prod-1"), false),
        Cond("SC-25", "StringLike \"*\" matches any present value, even the empty string.", C("StringLike", "*"), Project(""), true),
        Cond("SC-26", "StringLike with several patterns matches when any pattern matches.", C("StringLike", """["dev-*","prod-*"]"""), Project("prod-1"), true),
        Cond("SC-27", "StringNotLike is true when no pattern matches.", C("StringNotLike", """["dev-*","test-*"]"""), Project("prod-1"), true),
        Cond("SC-28", "StringNotLike is false when any pattern matches.", C("StringNotLike", """["dev-*","prod-*"]"""), Project("prod-1"), false),
        Cond("SC-29", "StringNotLike is case-sensitive: a pattern differing in case does not match.", C("StringNotLike", "PROD-*"), Project("prod-1"), true),
        Cond("SC-30", "Condition key names are case-insensitive.", """{"StringEquals":{"KMS:ENCRYPTIONCONTEXT:PROJECT":"alpha"}}""", Project("alpha"), true),
        Cond("SC-31", "Several keys in one operator block are AND-ed: all match.",
            """{"StringEquals":{"kms:EncryptionContext:project":"alpha","aws:username":"alice"}}""",
            Project("alpha").Set("aws:username", "alice"), true),
        Cond("SC-32", "Several keys in one operator block are AND-ed: one failing key makes the condition false.",
            """{"StringEquals":{"kms:EncryptionContext:project":"alpha","aws:username":"bob"}}""",
            Project("alpha").Set("aws:username", "alice"), false),
        Cond("SC-33", "Several operator blocks are AND-ed: all true.",
            """{"StringEquals":{"kms:EncryptionContext:project":"alpha"},"StringLike":{"aws:username":"al*"}}""",
            Project("alpha").Set("aws:username", "alice"), true),
        Cond("SC-34", "Several operator blocks are AND-ed: one false block makes the condition false.",
            """{"StringEquals":{"kms:EncryptionContext:project":"alpha"},"StringLike":{"aws:username":"b*"}}""",
            Project("alpha").Set("aws:username", "alice"), false),
        Cond("SC-35", "A JSON number as a string operator's value compares as its text.", """{"StringEquals":{"kms:EncryptionContext:project":42}}""",
            Project("42"), true),
        Cond("SC-36", "A JSON boolean as a string operator's value compares as true or false.", """{"StringEquals":{"kms:EncryptionContext:project":true}}""",
            Project("true"), true),
        Cond("SC-37", "An empty string value matches only an empty request value.", C("StringEquals", ""), Project(""), true),
        Cond("SC-38", "StringEquals does not trim: trailing spaces make values different.", C("StringEquals", "alpha"), Project("alpha "), false),
    ];
}
