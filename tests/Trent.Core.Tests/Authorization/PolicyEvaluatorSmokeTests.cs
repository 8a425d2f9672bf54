using Trent.Core.Authorization.Policies;
using Trent.Core.Identity;

namespace Trent.Core.Tests.Authorization;

public sealed class PolicyEvaluatorSmokeTests
{
    private const string KeyArn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static readonly CallerIdentity Root = CallerIdentity.Root("111122223333", "AKIAROOT");
    private static readonly CallerIdentity App = new("111122223333", "arn:aws:iam::111122223333:user/app", PrincipalType.IAMUser, "AIDAAPP", "AKIAAPP") { UserName = "app" };

    private static PolicyDecision Evaluate(string policy, PolicyKind kind, CallerIdentity caller, string action, ConditionValues? conditions = null) =>
        PolicyEvaluator.Evaluate(PolicyDocument.Parse(policy, kind), new RequestContext(caller, action, KeyArn, conditions ?? new ConditionValues()), "policy");

    [Fact]
    public void Default_key_policy_allows_the_root_directly_and_delegates_users_to_their_account()
    {
        var policy = Trent.Core.Keys.DefaultKeyPolicy.For("aws", "111122223333");
        Assert.Equal(PrincipalMatch.Direct, Evaluate(policy, PolicyKind.KeyPolicy, Root, "kms:Encrypt").Allow);
        Assert.Equal(PrincipalMatch.Account, Evaluate(policy, PolicyKind.KeyPolicy, App, "kms:Encrypt").Allow);
    }

    [Fact]
    public void A_deny_statement_is_reported_even_when_another_statement_allows()
    {
        const string policy = """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"},
              {"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::111122223333:user/app"},"Action":"kms:Decrypt","Resource":"*"}]}
            """;
        var decision = Evaluate(policy, PolicyKind.KeyPolicy, App, "kms:Decrypt");
        Assert.True(decision.ExplicitDeny);
    }

    [Fact]
    public void Identity_policy_variable_aws_username_resolves_in_conditions()
    {
        const string policy = """
            {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"kms:Encrypt","Resource":"*",
              "Condition":{"StringEquals":{"kms:EncryptionContext:owner":"${aws:username}"}}}}
            """;
        var mine = new ConditionValues().Set("aws:username", "app").Set("kms:EncryptionContext:owner", "app");
        var theirs = new ConditionValues().Set("aws:username", "app").Set("kms:EncryptionContext:owner", "bob");
        Assert.Equal(PrincipalMatch.Direct, Evaluate(policy, PolicyKind.IdentityPolicy, App, "kms:Encrypt", mine).Allow);
        Assert.Equal(PrincipalMatch.None, Evaluate(policy, PolicyKind.IdentityPolicy, App, "kms:Encrypt", theirs).Allow);
    }

    [Fact]
    public void Negated_operator_on_a_missing_key_is_true_and_matching_operator_is_false()
    {
        var missing = new ConditionValues();
        Assert.True(ConditionEvaluator.Evaluate(new Condition("StringNotEquals", SetQualifier.None, false, "kms:ViaService", ["x"]), missing, true));
        Assert.False(ConditionEvaluator.Evaluate(new Condition("StringEquals", SetQualifier.None, false, "kms:ViaService", ["x"]), missing, true));
        Assert.True(ConditionEvaluator.Evaluate(new Condition("StringEquals", SetQualifier.None, true, "kms:ViaService", ["x"]), missing, true));
    }

    [Fact]
    public void ForAllValues_with_an_encryption_context_key_is_refused_as_overly_permissive()
    {
        const string policy = """
            {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*",
              "Condition":{"ForAllValues:StringEquals":{"kms:EncryptionContext:app":"x"}}}}
            """;
        var e = Assert.Throws<MalformedPolicyException>(() => PolicyDocument.Parse(policy, PolicyKind.KeyPolicy));
        Assert.StartsWith("OverlyPermissiveCondition:EncryptionContext:", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:kms:*:111122223333:key/*", true)]
    [InlineData("arn:aws:kms:us-east-?:111122223333:key/*", true)]
    [InlineData("arn:aws:kms:us-west-2:111122223333:key/*", false)]
    [InlineData("arn:aws:kms:*:*:alias/*", false)]
    public void ArnLike_compares_each_part_with_wildcards(string pattern, bool expected) =>
        Assert.Equal(expected, ConditionEvaluator.ArnMatch(pattern, KeyArn));
}
