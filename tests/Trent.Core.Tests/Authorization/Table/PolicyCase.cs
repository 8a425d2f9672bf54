using Trent.Core.Authorization.Policies;
using Trent.Core.Identity;
using PolicyCondition = Trent.Core.Authorization.Policies.Condition;

namespace Trent.Core.Tests.Authorization.Table;

/// <summary>
/// A row driven through <see cref="PolicyEvaluator"/> (one policy document), or through
/// <see cref="ConditionEvaluator"/> when it names a single condition operator.
/// </summary>
public sealed record PolicyCase(string Id, string Rule) : ICase
{
    public string Policy { get; init; } = "";
    public PolicyKind Kind { get; init; } = PolicyKind.IdentityPolicy;
    public CallerIdentity Caller { get; init; } = Fixture.Alice;
    public string Action { get; init; } = "kms:Encrypt";
    public string? Resource { get; init; } = Fixture.KeyArnA;
    public ConditionValues Context { get; init; } = new();

    /// <summary>When set, the row evaluates this one condition (operator text, key, values) and nothing else.</summary>
    public (string Operator, string Key, string[] Values)? Condition { get; init; }

    public bool VariablesEnabled { get; init; } = true;
    public PrincipalMatch ExpectAllow { get; init; }
    public bool ExpectDeny { get; init; }

    /// <summary>For single-condition rows: the condition's truth.</summary>
    public bool ExpectTrue { get; init; }

    public override string ToString() => $"{Id}: {Rule}";

    public Task RunAsync()
    {
        if (Condition is var (text, key, values))
        {
            var (op, qualifier, ifExists) = ConditionOperators.Parse(text) ?? throw new InvalidOperationException($"{text} is not an operator.");
            var actual = ConditionEvaluator.Evaluate(new PolicyCondition(op, qualifier, ifExists, key, values), Context, VariablesEnabled);
            Assert.True(actual == ExpectTrue, $"{this}\nexpected {text} on {key} to be {ExpectTrue}, got {actual}");
            return Task.CompletedTask;
        }
        var decision = PolicyEvaluator.Evaluate(PolicyDocument.Parse(Policy, Kind), new RequestContext(Caller, Action, Resource, Context), "policy");
        var trace = string.Join("\n", decision.Trace);
        Assert.True(decision.Allow == ExpectAllow && decision.ExplicitDeny == ExpectDeny,
            $"{this}\nexpected allow={ExpectAllow} deny={ExpectDeny}, got allow={decision.Allow} deny={decision.ExplicitDeny}\n{trace}");
        return Task.CompletedTask;
    }

    /// <summary>
    /// A row about one Condition block: an identity-based Allow statement carrying <paramref name="condition"/> must
    /// apply (<paramref name="expected"/> true) or not.
    /// </summary>
    public static PolicyCase Cond(string id, string rule, string condition, ConditionValues context, bool expected, string version = "2012-10-17") =>
        new(id, rule)
        {
            Policy = $$$"""{"Version":"{{{version}}}","Statement":{"Effect":"Allow","Action":"kms:*","Resource":"*","Condition":{{{condition}}}}}""",
            Context = context,
            ExpectAllow = expected ? PrincipalMatch.Direct : PrincipalMatch.None,
        };

    /// <summary>A row about one operator applied by <see cref="ConditionEvaluator"/> directly.</summary>
    public static PolicyCase Op(string id, string rule, string op, string key, string[] values, ConditionValues context, bool expected) =>
        new(id, rule) { Condition = (op, key, values), Context = context, ExpectTrue = expected };
}
