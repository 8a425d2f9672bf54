using Trent.Core.Authorization.Policies;
using Trent.Core.Tests.Authorization.Table;
using static Trent.Core.Tests.Authorization.Table.Fixture;
using static Trent.Core.Tests.Authorization.Table.PolicyCase;

namespace Trent.Core.Tests.Authorization.Cases;

/// <summary>IpAddress/NotIpAddress, the ARN operators, Null and BinaryEquals.</summary>
public static class IpArnNullBinaryCases
{
    private static ConditionValues From(string ip) => Ctx().Set("aws:SourceIp", ip);

    private static ConditionValues As(string arn) => Ctx().Set("aws:PrincipalArn", arn);

    private static string Ip(string op, string values) => $$$"""{"{{{op}}}":{"aws:SourceIp":{{{J(values)}}}}}""";

    private static string Arn(string op, string values) => $$$"""{"{{{op}}}":{"aws:PrincipalArn":{{{J(values)}}}}}""";

    private static string Bin(string values) => $$$"""{"BinaryEquals":{"kms:RecipientAttestation:ImageSha384":{{{J(values)}}}}}""";

    public static IReadOnlyList<ICase> All { get; } =
    [
        Cond("IA-01", "IpAddress is true for an address inside the CIDR range.", Ip("IpAddress", "203.0.113.0/24"), From("203.0.113.10"), true),
        Cond("IA-02", "IpAddress is false for an address outside the CIDR range.", Ip("IpAddress", "203.0.113.0/24"), From("198.51.100.7"), false),
        Cond("IA-03", "IpAddress with a single address and no prefix matches only that address.", Ip("IpAddress", "203.0.113.10"), From("203.0.113.10"), true),
        Cond("IA-04", "IpAddress with a single address does not match a neighbour.", Ip("IpAddress", "203.0.113.10"), From("203.0.113.11"), false),
        Cond("IA-05", "IpAddress /32 matches exactly one address.", Ip("IpAddress", "203.0.113.10/32"), From("203.0.113.10"), true),
        Cond("IA-06", "IpAddress with several ranges matches any of them.", Ip("IpAddress", """["198.51.100.0/24","203.0.113.0/24"]"""), From("203.0.113.10"), true),
        Cond("IA-07", "IpAddress matches IPv6 ranges.", Ip("IpAddress", "2001:db8::/32"), From("2001:db8:1234::5"), true),
        Cond("IA-08", "An IPv4 address is never inside an IPv6 range.", Ip("IpAddress", "2001:db8::/32"), From("203.0.113.10"), false),
        Cond("IA-09", "IpAddress 0.0.0.0/0 matches every IPv4 address.", Ip("IpAddress", "0.0.0.0/0"), From("198.51.100.7"), true),
        Cond("IA-10", "A CIDR with host bits set is read as its network: 203.0.113.7/24 covers 203.0.113.10 [U].", Ip("IpAddress", "203.0.113.7/24"),
            From("203.0.113.10"), true),
        Cond("IA-11", "An IPv4-mapped IPv6 client address compares as the IPv4 address [U].", Ip("IpAddress", "203.0.113.0/24"), From("::ffff:203.0.113.10"), true),
        Cond("IA-12", "A request value that is not an address matches no range.", Ip("IpAddress", "0.0.0.0/0"), From("localhost"), false),
        Cond("IA-13", "NotIpAddress is true for an address outside every range.", Ip("NotIpAddress", "203.0.113.0/24"), From("198.51.100.7"), true),
        Cond("IA-14", "NotIpAddress is false for an address inside a range.", Ip("NotIpAddress", """["198.51.100.0/24","203.0.113.0/24"]"""), From("203.0.113.10"), false),
        Cond("IA-15", "ArnEquals matches an identical ARN.", Arn("ArnEquals", AliceArn), As(AliceArn), true),
        Cond("IA-16", "ArnEquals accepts wildcards in each component, like ArnLike.", Arn("ArnEquals", "arn:aws:iam::111122223333:user/*"), As(AliceArn), true),
        Cond("IA-17", "ArnLike * in the account component matches any account.", Arn("ArnLike", "arn:aws:iam::*:user/alice"), As(AliceArn), true),
        Cond("IA-18", "ArnLike is case-sensitive.", Arn("ArnLike", "arn:aws:iam::111122223333:user/Alice"), As(AliceArn), false),
        Cond("IA-19", "ArnLike * in the resource component matches the rest, slashes included.", Arn("ArnLike", "arn:aws:iam::111122223333:*"), As(CarolArn), true),
        Cond("IA-20", "ArnLike compares the service component: an sts pattern does not match an iam ARN.", Arn("ArnLike", "arn:aws:sts::111122223333:*"),
            As(AliceArn), false),
        Cond("IA-21", "ArnLike ? matches one character within a component.", Arn("ArnLike", "arn:aws:iam::11112222333?:user/alice"), As(AliceArn), true),
        Cond("IA-22", "ArnLike with several patterns matches any of them.", Arn("ArnLike", $"[\"{BobArn}\",\"arn:aws:iam::111122223333:user/a*\"]"),
            As(AliceArn), true),
        Cond("IA-23", "ArnLike matches component by component: a pattern with fewer than six components matches nothing [U].",
            Arn("ArnLike", "arn:aws:iam::*"), As(AliceArn), false),
        Cond("IA-24", "StringLike, unlike ArnLike, lets * span colons.", """{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::*"}}""", As(AliceArn), true),
        Cond("IA-25", "ArnLike on a value that is not an ARN is false.", Arn("ArnLike", "arn:aws:iam::*:user/*"), As("alice"), false),
        Cond("IA-26", "ArnNotEquals is true for a different ARN.", Arn("ArnNotEquals", BobArn), As(AliceArn), true),
        Cond("IA-27", "ArnNotLike is false when the ARN matches a pattern.", Arn("ArnNotLike", "arn:aws:iam::111122223333:user/*"), As(AliceArn), false),
        Cond("IA-28", "ArnNotLike is true when the ARN matches no pattern.", Arn("ArnNotLike", "arn:aws:iam::111122223333:role/*"), As(AliceArn), true),
        Cond("IA-29", "Null \"true\" is true when the key is absent.", """{"Null":{"kms:ViaService":"true"}}""", Ctx(), true),
        Cond("IA-30", "Null \"true\" is false when the key is present.", """{"Null":{"kms:ViaService":"true"}}""",
            Ctx().Set("kms:ViaService", "ec2.us-east-1.amazonaws.com"), false),
        Cond("IA-31", "Null \"false\" is true when the key is present.", """{"Null":{"kms:EncryptionContext:app":"false"}}""", Ctx().Set("kms:EncryptionContext:app", "x"), true),
        Cond("IA-32", "Null \"false\" is false when the key is absent.", """{"Null":{"kms:EncryptionContext:app":"false"}}""", Ctx(), false),
        Cond("IA-33", "Null treats an empty multi-valued key as absent.", """{"Null":{"kms:EncryptionContextKeys":"true"}}""",
            Ctx().SetMany("kms:EncryptionContextKeys", []), true),
        Cond("IA-34", "Null accepts a JSON boolean as its value.", """{"Null":{"kms:ViaService":true}}""", Ctx(), true),
        Cond("IA-35", "Null with a present key whose value is empty text is not null.", """{"Null":{"kms:EncryptionContext:app":"true"}}""",
            Ctx().Set("kms:EncryptionContext:app", ""), false),
        Cond("IA-36", "BinaryEquals matches the same base64 value.", Bin("QmluYXJ5VmFsdWU="), Ctx().Set("kms:RecipientAttestation:ImageSha384", "QmluYXJ5VmFsdWU="), true),
        Cond("IA-37", "BinaryEquals does not match a different value.", Bin("QmluYXJ5VmFsdWU="), Ctx().Set("kms:RecipientAttestation:ImageSha384", "T3RoZXI="), false),
        Cond("IA-38", "BinaryEquals compares the base64 text case-sensitively.", Bin("QmluYXJ5VmFsdWU="),
            Ctx().Set("kms:RecipientAttestation:ImageSha384", "qMLUyxJ5vMFSDwu="), false),
    ];
}
