using Trent.Core.Authorization.Policies;
using Trent.Core.Identity;

namespace Trent.Core.Tests.Authorization.Table;

/// <summary>
/// The world the rows live in: account A owns the key, account B is another account; users, sessions and the roots
/// of both; and small builders for policy JSON so each row shows only what it is about.
/// </summary>
public static class Fixture
{
    public const string A = "111122223333";
    public const string B = "444455556666";
    public const string Region = "us-east-1";
    public const string KeyId = "1234abcd-12ab-34cd-56ef-1234567890ab";
    public const string KeyArnA = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    public const string OtherKeyArnA = "arn:aws:kms:us-east-1:111122223333:key/0000aaaa-00aa-00aa-00aa-000000000000";
    public const string AliasArnA = "arn:aws:kms:us-east-1:111122223333:alias/app-prod";

    public const string RootArnA = "arn:aws:iam::111122223333:root";
    public const string RootArnB = "arn:aws:iam::444455556666:root";
    public const string AliceArn = "arn:aws:iam::111122223333:user/alice";
    public const string BobArn = "arn:aws:iam::111122223333:user/bob";
    public const string CarolArn = "arn:aws:iam::111122223333:user/engineering/carol";
    public const string DaveArn = "arn:aws:iam::444455556666:user/dave";
    public const string AdminRoleArn = "arn:aws:iam::111122223333:role/Admin";
    public const string AdminSessionArn = "arn:aws:sts::111122223333:assumed-role/Admin/alice-session";
    public const string DeployerRoleArn = "arn:aws:iam::111122223333:role/ops/Deployer";
    public const string AuditorRoleArnB = "arn:aws:iam::444455556666:role/Auditor";

    public static readonly DateTimeOffset Now = new(2024, 6, 15, 12, 0, 0, TimeSpan.Zero);

    public static readonly CallerIdentity RootA = CallerIdentity.Root(A, "AKIAROOTA");
    public static readonly CallerIdentity RootB = CallerIdentity.Root(B, "AKIAROOTB");
    public static readonly CallerIdentity Alice = User(A, "alice");
    public static readonly CallerIdentity Bob = User(A, "bob");
    public static readonly CallerIdentity Carol = User(A, "carol", "/engineering/");
    public static readonly CallerIdentity Dave = User(B, "dave");
    public static readonly CallerIdentity AdminSession = Session(A, "Admin", "alice-session");
    public static readonly CallerIdentity OtherAdminSession = Session(A, "Admin", "bob-session");
    public static readonly CallerIdentity DeployerSession = Session(A, "Deployer", "ci", "/ops/");
    public static readonly CallerIdentity AuditorSessionB = Session(B, "Auditor", "audit-1");

    public static CallerIdentity User(string account, string name, string path = "/") =>
        new(account, $"arn:aws:iam::{account}:user{path}{name}", PrincipalType.IAMUser, "AIDA" + name.ToUpperInvariant(), "AKIA" + name.ToUpperInvariant())
        {
            UserName = name,
        };

    public static CallerIdentity Session(string account, string role, string session, string path = "/") =>
        new(account, $"arn:aws:sts::{account}:assumed-role/{role}/{session}", PrincipalType.AssumedRole,
            $"AROA{role.ToUpperInvariant()}:{session}", "ASIA" + session.ToUpperInvariant())
        {
            RoleArn = $"arn:aws:iam::{account}:role{path}{role}",
        };

    /// <summary>The key policy AWS gives an API-created key in account A: it delegates the key to the account.</summary>
    public static readonly string DefaultPolicy = Trent.Core.Keys.DefaultKeyPolicy.For("aws", A);

    /// <summary>The default key policy's statement with a short Sid, to combine with others.</summary>
    public const string EnableIam =
        """{"Sid":"EnableIam","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}""";

    /// <summary>An identity-based policy that allows every KMS action on every resource.</summary>
    public static readonly string AllowAllKms = Doc(IAllow("kms:*"));

    public static string Doc(params string[] statements) => "{\"Version\":\"2012-10-17\",\"Statement\":[" + string.Join(",", statements) + "]}";

    public static string Doc2008(params string[] statements) => "{\"Version\":\"2008-10-17\",\"Statement\":[" + string.Join(",", statements) + "]}";

    /// <summary>A key-policy statement. <paramref name="principal"/> is an ARN, an account id, <c>*</c>, or raw JSON.</summary>
    public static string KAllow(string principal, string action, string? condition = null, string? sid = null, string resource = "*") =>
        Statement("Allow", PrincipalJson(principal), action, resource, condition, sid);

    public static string KDeny(string principal, string action, string? condition = null, string? sid = null, string resource = "*") =>
        Statement("Deny", PrincipalJson(principal), action, resource, condition, sid);

    /// <summary>An identity-policy statement (no principal).</summary>
    public static string IAllow(string action, string resource = "*", string? condition = null, string? sid = null) =>
        Statement("Allow", null, action, resource, condition, sid);

    public static string IDeny(string action, string resource = "*", string? condition = null, string? sid = null) =>
        Statement("Deny", null, action, resource, condition, sid);

    /// <summary>A one-statement identity policy.</summary>
    public static string IPolicy(string action, string resource = "*", string? condition = null) => Doc(IAllow(action, resource, condition));

    /// <summary>A JSON value: raw JSON when it already is a list or object, else a quoted string.</summary>
    public static string J(string value) => value.StartsWith('[') || value.StartsWith('{') ? value : "\"" + value + "\"";

    public static ConditionValues Ctx() => new();

    public static Dictionary<string, string> Ec(params string[] pairs)
    {
        var context = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < pairs.Length; i += 2)
        {
            context[pairs[i]] = pairs[i + 1];
        }
        return context;
    }

    private static string PrincipalJson(string principal) =>
        principal == "*" ? "\"*\"" : principal.StartsWith('{') ? principal : "{\"AWS\":" + J(principal) + "}";

    private static string Statement(string effect, string? principal, string action, string resource, string? condition, string? sid) =>
        "{" + (sid is null ? "" : $"\"Sid\":\"{sid}\",") + $"\"Effect\":\"{effect}\","
        + (principal is null ? "" : $"\"Principal\":{principal},")
        + $"\"Action\":{J(action)},\"Resource\":{J(resource)}"
        + (condition is null ? "" : $",\"Condition\":{condition}") + "}";
}
