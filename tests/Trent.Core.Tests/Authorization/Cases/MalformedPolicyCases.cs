using Trent.Core.Authorization.Policies;
using Trent.Core.Tests.Authorization.Table;

namespace Trent.Core.Tests.Authorization.Cases;

/// <summary>Documents refused when parsed (MalformedPolicyDocumentException), with the message, and a few that parse.</summary>
public static class MalformedPolicyCases
{
    private const PolicyKind Key = PolicyKind.KeyPolicy;
    private const PolicyKind Identity = PolicyKind.IdentityPolicy;

    private const string InvalidPrincipals = "Policy contains a statement with one or more invalid principals.";
    private const string Overly =
        "OverlyPermissiveCondition:EncryptionContext: Using the ForAllValues set operator with a single-valued condition key matches requests " +
        "without the specified encryption context or with an unspecified encryption context. To fix, remove ForAllValues.";

    /// <summary>A key policy with one statement: Allow everyone kms:* on *, plus <paramref name="extra"/> members.</summary>
    private static string KeyStatement(string extra) =>
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*" """.TrimEnd()
        + extra + "}]}";

    private static string WithPrincipal(string principal) =>
        $$$"""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{{{principal}}},"Action":"kms:*","Resource":"*"}}""";

    private static string WithAction(string action) =>
        $$$"""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":{{{action}}},"Resource":"*"}}""";

    private static string WithCondition(string condition) => KeyStatement(",\"Condition\":" + condition);

    private static MalformedCase Bad(string id, string rule, PolicyKind kind, string json, string message) => new(id, rule, kind, json, message);

    private static MalformedCase Good(string id, string rule, PolicyKind kind, string json) => new(id, rule, kind, json, null);

    public static IReadOnlyList<ICase> All { get; } =
    [
        Bad("MP-01", "A document that is not JSON is refused.", Key, "{\"Version\":", "The policy document is not valid JSON."),
        Bad("MP-02", "A document that is a JSON list, not an object, is refused.", Key, "[]", "The policy document must be a JSON object."),
        Bad("MP-03", "An unknown top-level element is refused.", Key,
            """{"Version":"2012-10-17","Statment":[]}""", "The policy contains an unknown element 'Statment'."),
        Bad("MP-04", "An unknown statement element is refused.", Key, KeyStatement(",\"Actions\":\"kms:*\""), "The statement contains an unknown element 'Actions'."),
        Bad("MP-05", "Element names are case-sensitive: \"effect\" is unknown.", Key, KeyStatement(",\"effect\":\"Deny\""),
            "The statement contains an unknown element 'effect'."),
        Bad("MP-06", "An element given twice in a statement is refused.", Key, KeyStatement(",\"Effect\":\"Deny\""),
            "The statement contains the element 'Effect' more than once."),
        Bad("MP-07", "A Version other than 2012-10-17 or 2008-10-17 is refused.", Key,
            """{"Version":"2020-01-01","Statement":{"Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*"}}""",
            "The policy Version '2020-01-01' is not valid; use 2012-10-17."),
        Bad("MP-08", "A document without Statement is refused.", Key, """{"Version":"2012-10-17"}""", "The policy document must contain a Statement."),
        Bad("MP-09", "A document with an empty Statement list is refused.", Key, """{"Version":"2012-10-17","Statement":[]}""",
            "The policy document must contain at least one Statement."),
        Bad("MP-10", "A Statement that is a string is refused.", Key, """{"Version":"2012-10-17","Statement":"Allow"}""",
            "The policy Statement must be an object or a list of objects."),
        Bad("MP-11", "A statement that is not an object is refused.", Key, """{"Version":"2012-10-17","Statement":["Allow"]}""",
            "Each policy statement must be a JSON object."),
        Bad("MP-12", "A statement without Effect is refused.", Key,
            """{"Version":"2012-10-17","Statement":{"Principal":"*","Action":"kms:*","Resource":"*"}}""",
            "Each policy statement must contain an Effect of Allow or Deny."),
        Bad("MP-13", "An Effect other than Allow or Deny is refused.", Key,
            """{"Version":"2012-10-17","Statement":{"Effect":"Permit","Principal":"*","Action":"kms:*","Resource":"*"}}""",
            "Invalid Effect 'Permit': it must be Allow or Deny."),
        Bad("MP-14", "Effect is case-sensitive: \"allow\" is refused [U].", Key,
            """{"Version":"2012-10-17","Statement":{"Effect":"allow","Principal":"*","Action":"kms:*","Resource":"*"}}""",
            "Invalid Effect 'allow': it must be Allow or Deny."),
        Bad("MP-15", "A Sid that is not a string is refused.", Key, KeyStatement(",\"Sid\":1"), "A statement Sid must be a string."),
        Bad("MP-16", "An identity-based policy must not contain Principal.", Identity,
            """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*"}}""",
            "An identity-based policy must not contain a Principal or NotPrincipal element."),
        Bad("MP-17", "An identity-based policy must not contain NotPrincipal.", Identity,
            """{"Version":"2012-10-17","Statement":{"Effect":"Deny","NotPrincipal":{"AWS":"111122223333"},"Action":"kms:*","Resource":"*"}}""",
            "An identity-based policy must not contain a Principal or NotPrincipal element."),
        Bad("MP-18", "A key-policy statement must name a principal.", Key,
            """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"kms:*","Resource":"*"}}""", "Policy contains a statement with no principal."),
        Bad("MP-19", "An unknown condition operator is refused.", Key, WithCondition("""{"StringEqualz":{"aws:username":"alice"}}"""),
            "The condition operator 'StringEqualz' is not valid."),
        Bad("MP-20", "Condition operators are case-sensitive: stringequals is refused [U].", Key, WithCondition("""{"stringequals":{"aws:username":"alice"}}"""),
            "The condition operator 'stringequals' is not valid."),
        Bad("MP-21", "An unknown set qualifier is refused.", Key, WithCondition("""{"ForSomeValues:StringEquals":{"aws:TagKeys":"a"}}"""),
            "The condition operator 'ForSomeValues:StringEquals' is not valid."),
        Bad("MP-22", "Null has no IfExists variant [U].", Key, WithCondition("""{"NullIfExists":{"aws:username":"true"}}"""),
            "The condition operator 'NullIfExists' is not valid."),
        Bad("MP-23", "IfExists alone is not an operator.", Key, WithCondition("""{"IfExists":{"aws:username":"true"}}"""),
            "The condition operator 'IfExists' is not valid."),
        Bad("MP-24", "ForAllValues with the single-valued kms:EncryptionContext:<key> is refused as overly permissive.", Key,
            WithCondition("""{"ForAllValues:StringEquals":{"kms:EncryptionContext:app":"billing"}}"""), Overly),
        Bad("MP-25", "ForAllValues with kms:EncryptionContext:<key> is refused whatever the key name's case.", Key,
            WithCondition("""{"ForAllValues:StringLike":{"KMS:ENCRYPTIONCONTEXT:app":"*"}}"""), Overly),
        Bad("MP-26", "ForAllValues with kms:EncryptionContext:<key> is refused with IfExists too.", Key,
            WithCondition("""{"ForAllValues:StringEqualsIfExists":{"kms:EncryptionContext:app":"billing"}}"""), Overly),
        Bad("MP-27", "ForAllValues with kms:EncryptionContext:<key> is refused in identity-based policies too.", Identity,
            """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"kms:*","Resource":"*","Condition":{"ForAllValues:StringEquals":{"kms:EncryptionContext:app":"x"}}}}""",
            Overly),
        Bad("MP-28", "Null values must be true or false.", Key, WithCondition("""{"Null":{"kms:ViaService":"yes"}}"""), "The values of a Null condition must be true or false."),
        Bad("MP-29", "A Condition that is not an object is refused.", Key, WithCondition("\"StringEquals\""), "A statement Condition must be an object of operators."),
        Bad("MP-30", "A condition block that is not an object of keys is refused.", Key, WithCondition("""{"StringEquals":"alice"}"""),
            "The condition block 'StringEquals' must be an object of condition keys."),
        Bad("MP-31", "Condition values must be strings, numbers or booleans.", Key, WithCondition("""{"StringEquals":{"aws:username":{"a":"b"}}}"""),
            "The values of condition 'StringEquals' must be strings, numbers or booleans."),
        Bad("MP-32", "An IAM group is not a valid principal.", Key, WithPrincipal("""{"AWS":"arn:aws:iam::111122223333:group/admins"}"""), InvalidPrincipals),
        Bad("MP-33", "A wildcard inside a principal ARN is not valid.", Key, WithPrincipal("""{"AWS":"arn:aws:iam::111122223333:user/*"}"""), InvalidPrincipals),
        Bad("MP-34", "A bare string principal other than \"*\" is not valid.", Key, WithPrincipal("\"111122223333\""), InvalidPrincipals),
        Bad("MP-35", "Principal type names are case-sensitive: \"Aws\" is not valid.", Key, WithPrincipal("""{"Aws":"111122223333"}"""), InvalidPrincipals),
        Bad("MP-36", "An account id must have 12 digits.", Key, WithPrincipal("""{"AWS":"11112222333"}"""), InvalidPrincipals),
        Bad("MP-37", "A service principal must be a service's DNS name.", Key, WithPrincipal("""{"Service":"logs"}"""), InvalidPrincipals),
        Bad("MP-38", "An ARN of another service is not a valid AWS principal.", Key, WithPrincipal("""{"AWS":"arn:aws:s3:::bucket"}"""), InvalidPrincipals),
        Bad("MP-39", "One invalid principal in a list makes the statement invalid.", Key,
            WithPrincipal("""{"AWS":["arn:aws:iam::111122223333:user/alice","not-a-principal"]}"""), InvalidPrincipals),
        Bad("MP-40", "An action needs a service prefix.", Key, WithAction("\"Encrypt\""),
            "The action 'Encrypt' is not valid: an action is a service prefix and a name, e.g. kms:Encrypt."),
        Bad("MP-41", "An action needs a name after the prefix.", Key, WithAction("\"kms:\""),
            "The action 'kms:' is not valid: an action is a service prefix and a name, e.g. kms:Encrypt."),
        Bad("MP-42", "An action name cannot contain spaces.", Key, WithAction("\"kms:Encrypt Decrypt\""),
            "The action 'kms:Encrypt Decrypt' is not valid: an action is a service prefix and a name, e.g. kms:Encrypt."),
        Bad("MP-43", "An empty Action list is refused.", Key, WithAction("[]"), "Action must not be empty."),
        Bad("MP-44", "A statement cannot contain both Action and NotAction.", Key, KeyStatement(",\"NotAction\":\"kms:Decrypt\""),
            "A statement cannot contain both Action and NotAction."),
        Bad("MP-45", "A statement cannot contain both Principal and NotPrincipal.", Key, KeyStatement(",\"NotPrincipal\":{\"AWS\":\"111122223333\"}"),
            "A statement cannot contain both Principal and NotPrincipal."),
        Bad("MP-46", "A statement cannot contain both Resource and NotResource.", Key, KeyStatement(",\"NotResource\":\"*\""),
            "A statement cannot contain both Resource and NotResource."),
        Bad("MP-47", "A Resource must be a string or a list of strings.", Key, KeyStatement("").Replace("\"Resource\":\"*\"", "\"Resource\":42", StringComparison.Ordinal),
            "Resource must be a string or a list of strings."),
        Good("MP-48", "A statement without Action or Resource is accepted (and has no effect).", Key,
            """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*"}}"""),
        Good("MP-49", "A key-policy Sid may contain spaces.", Key, KeyStatement(",\"Sid\":\"Enable IAM User Permissions\"")),
        Good("MP-50", "Version 2008-10-17 still parses.", Key,
            """{"Version":"2008-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*"}}"""),
        Good("MP-51", "ForAnyValue with kms:EncryptionContext:<key> is accepted.", Key,
            WithCondition("""{"ForAnyValue:StringEquals":{"kms:EncryptionContext:app":"billing"}}""")),
        Good("MP-52", "ForAllValues with the multi-valued kms:EncryptionContextKeys is accepted.", Key,
            WithCondition("""{"ForAllValues:StringEquals":{"kms:EncryptionContextKeys":["app"]}}""")),
        Good("MP-53", "Assumed-role session, role-with-path, federated-user and service principals are accepted.", Key,
            WithPrincipal("""{"AWS":["arn:aws:sts::111122223333:assumed-role/Admin/s1","arn:aws:iam::111122223333:role/ops/Deployer","arn:aws:sts::111122223333:federated-user/bob"],"Service":"logs.us-east-1.amazonaws.com"}""")),
        Good("MP-54", "Every condition operator with IfExists and set qualifiers parses.", Key,
            WithCondition("""{"ForAnyValue:StringNotLikeIfExists":{"aws:TagKeys":"x"},"NumericGreaterThanEqualsIfExists":{"kms:RotationPeriodInDays":90},"ArnNotEquals":{"aws:PrincipalArn":"arn:aws:iam::*:root"},"BinaryEquals":{"k":"QQ=="}}""")),
        Good("MP-55", "An identity-based policy without Version parses (as 2008-10-17).", Identity,
            """{"Statement":{"Effect":"Allow","Action":"kms:*","Resource":"*"}}"""),
        Bad("MP-56", "An empty principal list is refused.", Key, WithPrincipal("""{"AWS":[]}"""), "Principal must not be empty."),
    ];
}
