using Trent.Core.Tests.Authorization.Table;
using static Trent.Core.Tests.Authorization.Table.Expect;
using static Trent.Core.Tests.Authorization.Table.Fixture;
using static Trent.Core.Tests.Authorization.Table.PolicyCase;

namespace Trent.Core.Tests.Authorization.Cases;

/// <summary>
/// IAM: a key missing from the request makes a condition false, except for negated operators (true), the IfExists
/// variants (true) and Null. These rows go through <see cref="Trent.Core.Authorization.Policies.ConditionEvaluator"/> directly.
/// </summary>
public static class IfExistsAndMissingKeyCases
{
    private const string Missing = "kms:ViaService";

    private static PolicyCase Absent(string id, string op, string value, bool expected) =>
        Op(id, expected
                ? $"{op} on a key missing from the request is true."
                : $"{op} on a key missing from the request is false.",
            op, Missing, [value], Ctx(), expected);

    public static IReadOnlyList<ICase> All { get; } =
    [
        Absent("IE-01", "StringEquals", "ec2.us-east-1.amazonaws.com", false),
        Absent("IE-02", "StringNotEquals", "ec2.us-east-1.amazonaws.com", true),
        Absent("IE-03", "StringEqualsIgnoreCase", "x", false),
        Absent("IE-04", "StringNotEqualsIgnoreCase", "x", true),
        Absent("IE-05", "StringLike", "*", false),
        Absent("IE-06", "StringNotLike", "*", true),
        Absent("IE-07", "NumericEquals", "1", false),
        Absent("IE-08", "NumericNotEquals", "1", true),
        Absent("IE-09", "NumericLessThan", "1", false),
        Absent("IE-10", "NumericGreaterThanEquals", "1", false),
        Absent("IE-11", "DateEquals", "2024-01-01T00:00:00Z", false),
        Absent("IE-12", "DateNotEquals", "2024-01-01T00:00:00Z", true),
        Absent("IE-13", "DateGreaterThan", "2024-01-01T00:00:00Z", false),
        Absent("IE-14", "Bool", "true", false),
        Absent("IE-15", "BinaryEquals", "QQ==", false),
        Absent("IE-16", "IpAddress", "0.0.0.0/0", false),
        Absent("IE-17", "NotIpAddress", "0.0.0.0/0", true),
        Absent("IE-18", "ArnEquals", "arn:aws:iam::*:*", false),
        Absent("IE-19", "ArnLike", "arn:aws:iam::*:*", false),
        Absent("IE-20", "ArnNotEquals", "arn:aws:iam::*:*", true),
        Absent("IE-21", "ArnNotLike", "arn:aws:iam::*:*", true),
        Absent("IE-22", "StringEqualsIfExists", "x", true),
        Absent("IE-23", "StringNotLikeIfExists", "*", true),
        Absent("IE-24", "NumericLessThanIfExists", "1", true),
        Absent("IE-25", "DateLessThanIfExists", "2000-01-01T00:00:00Z", true),
        Absent("IE-26", "BoolIfExists", "false", true),
        Absent("IE-27", "IpAddressIfExists", "10.0.0.0/8", true),
        Absent("IE-28", "ArnLikeIfExists", "arn:aws:iam::*:*", true),
        Absent("IE-29", "BinaryEqualsIfExists", "QQ==", true),
        Op("IE-30", "StringEqualsIfExists on a present key evaluates normally: a match is true.", "StringEqualsIfExists", "aws:username", ["alice"],
            Ctx().Set("aws:username", "alice"), true),
        Op("IE-31", "StringEqualsIfExists on a present key evaluates normally: a mismatch is false.", "StringEqualsIfExists", "aws:username", ["bob"],
            Ctx().Set("aws:username", "alice"), false),
        Op("IE-32", "StringNotEqualsIfExists on a present equal value is false.", "StringNotEqualsIfExists", "aws:username", ["alice"],
            Ctx().Set("aws:username", "alice"), false),
        Op("IE-33", "BoolIfExists on a present false value does not match true.", "BoolIfExists", "aws:SecureTransport", ["true"],
            Ctx().Set("aws:SecureTransport", false), false),
        Op("IE-34", "NumericLessThanIfExists on a present larger number is false.", "NumericLessThanIfExists", "kms:RotationPeriodInDays", ["365"],
            Ctx().Set("kms:RotationPeriodInDays", 400), false),
        Op("IE-35", "An empty multi-valued key counts as absent for IfExists, as for Null [U].", "StringEqualsIfExists", "kms:EncryptionContextKeys", ["app"],
            Ctx().SetMany("kms:EncryptionContextKeys", []), true),
        Op("IE-36", "Key names are looked up case-insensitively, so a key present under other casing is not missing.", "StringEquals", "AWS:USERNAME", ["alice"],
            Ctx().Set("aws:username", "alice"), true),
        new AuthzCase("IE-37", "A Deny with StringNotEquals on kms:ViaService denies direct callers, for whom the key is missing.")
        {
            KeyPolicy = Doc(EnableIam, KDeny("*", "kms:Decrypt", """{"StringNotEquals":{"kms:ViaService":"ec2.us-east-1.amazonaws.com"}}""")),
            Identity = [AllowAllKms],
            Action = "kms:Decrypt",
            Expect = ExplicitDenyInResourcePolicy,
        },
        new AuthzCase("IE-38", "An Allow with StringEqualsIfExists on kms:ViaService allows direct callers, for whom the key is missing.")
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:Decrypt", """{"StringEqualsIfExists":{"kms:ViaService":"ec2.us-east-1.amazonaws.com"}}""")),
            Action = "kms:Decrypt",
            Expect = Allowed,
        },
        new AuthzCase("IE-39", "An Allow with StringEquals on kms:ViaService does not allow direct callers.")
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:Decrypt", """{"StringEquals":{"kms:ViaService":"ec2.us-east-1.amazonaws.com"}}""")),
            Action = "kms:Decrypt",
            Expect = NoResourcePolicyAllows,
        },
        new AuthzCase("IE-40", "IpAddressIfExists allows a request whose source address is unknown.")
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:*", """{"IpAddressIfExists":{"aws:SourceIp":"10.0.0.0/8"}}""")),
            SourceIp = null,
            Expect = Allowed,
        },
        new AuthzCase("IE-41", "IpAddress refuses a request whose source address is unknown.")
        {
            KeyPolicy = Doc(KAllow(AliceArn, "kms:*", """{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}""")),
            SourceIp = null,
            Expect = NoResourcePolicyAllows,
        },
    ];
}
