using Trent.Core.Authorization.Policies;
using Trent.Core.Tests.Authorization.Table;
using static Trent.Core.Tests.Authorization.Table.Expect;
using static Trent.Core.Tests.Authorization.Table.Fixture;
using static Trent.Core.Tests.Authorization.Table.PolicyCase;

namespace Trent.Core.Tests.Authorization.Cases;

/// <summary>Policy variables: ${key}, defaults, the ${*} ${?} ${$} escapes, and Version 2008-10-17 leaving text literal.</summary>
public static class VariableCases
{
    private const string Owner = "kms:EncryptionContext:owner";

    private static ConditionValues User(string? name, string owner) => Ctx().Set("aws:username", name).Set(Owner, owner);

    private static string O(string op, string value) => $$$"""{"{{{op}}}":{"{{{Owner}}}":"{{{value}}}"}}""";

    private static PolicyCase ResourceRow(string id, string rule, string resource, ConditionValues context, bool expected) =>
        new(id, rule)
        {
            Policy = Doc(IAllow("kms:*", resource)),
            Context = context,
            ExpectAllow = expected ? PrincipalMatch.Direct : PrincipalMatch.None,
        };

    public static IReadOnlyList<ICase> All { get; } =
    [
        Cond("VA-01", "${aws:username} is replaced by the caller's user name.", O("StringEquals", "${aws:username}"), User("alice", "alice"), true),
        Cond("VA-02", "${aws:username} compares as the caller's name, not as any name.", O("StringEquals", "${aws:username}"), User("alice", "bob"), false),
        Cond("VA-03", "A variable without a value (no aws:username for a role) matches nothing.", O("StringEquals", "${aws:username}"), User(null, ""), false),
        Cond("VA-04", "A variable's default is used when the key has no value.", O("StringEquals", "${aws:username, 'shared'}"), User(null, "shared"), true),
        Cond("VA-05", "A variable's default is not used when the key has a value.", O("StringEquals", "${aws:username, 'shared'}"), User("alice", "shared"), false),
        Cond("VA-06", "Several variables may appear in one value.", O("StringEquals", "${aws:username}@${aws:PrincipalAccount}"),
            User("alice", "alice@111122223333").Set("aws:PrincipalAccount", A), true),
        Cond("VA-07", "A variable inside a StringLike pattern keeps the pattern's wildcards.", O("StringLike", "${aws:username}-*"), User("alice", "alice-42"), true),
        Cond("VA-08", "A variable's value is not a pattern of its own: bob-* does not match alice's value.", O("StringLike", "${aws:username}-*"),
            User("alice", "bob-42"), false),
        Cond("VA-09", "${*} is a literal asterisk, not a wildcard: it matches a request value containing *.", O("StringLike", "a${*}"), User("alice", "a*"), true),
        Cond("VA-10", "${*} does not act as a wildcard.", O("StringLike", "a${*}"), User("alice", "abc"), false),
        Cond("VA-11", "${?} is a literal question mark, not a wildcard.", O("StringLike", "v${?}"), User("alice", "v1"), false),
        Cond("VA-12", "${?} matches a request value containing ?.", O("StringLike", "v${?}"), User("alice", "v?"), true),
        Cond("VA-13", "${$} is a literal dollar sign.", O("StringEquals", "cost${$}"), User("alice", "cost$"), true),
        Cond("VA-14", "${*} in StringEquals is a literal asterisk.", O("StringEquals", "${*}"), User("alice", "*"), true),
        Cond("VA-15", "Version 2008-10-17 has no policy variables: ${aws:username} is literal text.", O("StringEquals", "${aws:username}"),
            User("alice", "${aws:username}"), true, version: "2008-10-17"),
        Cond("VA-16", "Version 2008-10-17 does not substitute ${aws:username} with the user name.", O("StringEquals", "${aws:username}"),
            User("alice", "alice"), false, version: "2008-10-17"),
        new PolicyCase("VA-17", "A policy without Version is 2008-10-17, so it does not substitute variables.")
        {
            Policy = """{"Statement":{"Effect":"Allow","Action":"kms:*","Resource":"*","Condition":{"StringEquals":{"kms:EncryptionContext:owner":"${aws:username}"}}}}""",
            Context = User("alice", "alice"),
            ExpectAllow = PrincipalMatch.None,
        },
        Cond("VA-18", "Variable names are looked up case-insensitively, as condition keys are [U].", O("StringEquals", "${AWS:UserName}"), User("alice", "alice"), true),
        Cond("VA-19", "A negated operator whose only value has no variable value is true: nothing is matched [U].", O("StringNotEquals", "${aws:username}"),
            User(null, "anything"), true),
        Cond("VA-20", "A multi-valued key has no single value as a variable, so its default applies [U].", O("StringEquals", "${aws:TagKeys, 'none'}"),
            User("alice", "none").SetMany("aws:TagKeys", ["a", "b"]), true),
        Cond("VA-21", "An unclosed ${ is literal text.", O("StringEquals", "${aws:username"), User("alice", "${aws:username"), true),
        Cond("VA-22", "Variables work in ARN operators.", """{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::${aws:PrincipalAccount}:user/${aws:username}"}}""",
            Ctx().Set("aws:PrincipalArn", AliceArn).Set("aws:PrincipalAccount", A).Set("aws:username", "alice"), true),
        ResourceRow("VA-23", "Variables work in the Resource element.", "arn:aws:kms:*:${aws:PrincipalAccount}:key/*", Ctx().Set("aws:PrincipalAccount", A), true),
        ResourceRow("VA-24", "A Resource variable with another value does not match.", "arn:aws:kms:*:${aws:PrincipalAccount}:key/*",
            Ctx().Set("aws:PrincipalAccount", B), false),
        ResourceRow("VA-25", "A Resource variable without a value matches nothing.", "arn:aws:kms:*:*:key/${aws:username}", Ctx(), false),
        ResourceRow("VA-26", "A Resource variable with a default uses it.", "arn:aws:kms:*:${aws:username, '111122223333'}:key/*", Ctx(), true),
        new AuthzCase("VA-27", "An identity policy may bind the encryption context to the caller with ${aws:username}: the owner may decrypt.")
        {
            Identity = [IPolicy("kms:Decrypt", condition: """{"StringEquals":{"kms:EncryptionContext:owner":"${aws:username}"}}""")],
            Action = "kms:Decrypt",
            Ec = Ec("owner", "alice"),
            Expect = Allowed,
        },
        new AuthzCase("VA-28", "An identity policy binding the encryption context to ${aws:username} refuses another user's context.")
        {
            Identity = [IPolicy("kms:Decrypt", condition: """{"StringEquals":{"kms:EncryptionContext:owner":"${aws:username}"}}""")],
            Action = "kms:Decrypt",
            Ec = Ec("owner", "bob"),
            Expect = NoIdentityPolicyAllows,
        },
        new AuthzCase("VA-29", "A key policy may use ${aws:PrincipalAccount} to allow only callers of the key's account.")
        {
            KeyPolicy = Doc(KAllow("*", "kms:*", """{"StringEquals":{"kms:CallerAccount":"${aws:PrincipalAccount}"}}""")),
            Expect = Allowed,
        },
    ];
}
