using Trent.Core.Tests.Authorization.Cases;
using Trent.Core.Tests.Authorization.Table;

namespace Trent.Core.Tests.Authorization;

/// <summary>
/// The table-driven authorization suite: every row states the AWS rule it checks (shown in the test name) and a
/// concrete outcome. Rows marked "[U]" follow the most AWS-like reading where AWS's behaviour is not documented.
/// </summary>
public sealed class AuthorizationTableTests
{
    public static TheoryData<Row> DenyPrecedence => Row.Of(DenyPrecedenceCases.All);
    public static TheoryData<Row> Principals => Row.Of(PrincipalCases.All);
    public static TheoryData<Row> ActionsAndResources => Row.Of(ActionResourceCases.All);
    public static TheoryData<Row> StringConditions => Row.Of(StringConditionCases.All);
    public static TheoryData<Row> NumericDateBoolConditions => Row.Of(NumericDateBoolCases.All);
    public static TheoryData<Row> IpArnNullBinaryConditions => Row.Of(IpArnNullBinaryCases.All);
    public static TheoryData<Row> SetQualifiers => Row.Of(SetQualifierCases.All);
    public static TheoryData<Row> IfExistsAndMissingKeys => Row.Of(IfExistsAndMissingKeyCases.All);
    public static TheoryData<Row> PolicyVariables => Row.Of(VariableCases.All);
    public static TheoryData<Row> CrossAccount => Row.Of(CrossAccountCases.All);
    public static TheoryData<Row> AssumedRoles => Row.Of(AssumedRoleCases.All);
    public static TheoryData<Row> Grants => Row.Of(GrantCases.All);
    public static TheoryData<Row> Lockout => Row.Of(LockoutCases.All);
    public static TheoryData<Row> ConditionKeys => Row.Of(KmsConditionKeyCases.All);
    public static TheoryData<Row> MalformedPolicies => Row.Of(MalformedPolicyCases.All);

    [Theory]
    [MemberData(nameof(DenyPrecedence))]
    public Task Explicit_deny_beats_allow_which_beats_implicit_deny(Row row) => row.RunAsync();

    [Theory]
    [MemberData(nameof(Principals))]
    public Task Principal_and_NotPrincipal_match_as_AWS_matches_them(Row row) => row.RunAsync();

    [Theory]
    [MemberData(nameof(ActionsAndResources))]
    public Task Action_NotAction_Resource_and_NotResource_match_as_AWS_matches_them(Row row) => row.RunAsync();

    [Theory]
    [MemberData(nameof(StringConditions))]
    public Task String_condition_operators_compare_as_AWS_compares(Row row) => row.RunAsync();

    [Theory]
    [MemberData(nameof(NumericDateBoolConditions))]
    public Task Numeric_date_and_bool_operators_compare_as_AWS_compares(Row row) => row.RunAsync();

    [Theory]
    [MemberData(nameof(IpArnNullBinaryConditions))]
    public Task Ip_arn_null_and_binary_operators_compare_as_AWS_compares(Row row) => row.RunAsync();

    [Theory]
    [MemberData(nameof(SetQualifiers))]
    public Task ForAllValues_and_ForAnyValue_treat_sets_as_AWS_does(Row row) => row.RunAsync();

    [Theory]
    [MemberData(nameof(IfExistsAndMissingKeys))]
    public Task Missing_keys_fail_matching_operators_and_satisfy_negated_ones_and_IfExists(Row row) => row.RunAsync();

    [Theory]
    [MemberData(nameof(PolicyVariables))]
    public Task Policy_variables_substitute_as_AWS_substitutes(Row row) => row.RunAsync();

    [Theory]
    [MemberData(nameof(CrossAccount))]
    public Task Cross_account_access_needs_both_the_key_policy_and_the_callers_account(Row row) => row.RunAsync();

    [Theory]
    [MemberData(nameof(AssumedRoles))]
    public Task Assumed_role_sessions_match_through_their_role(Row row) => row.RunAsync();

    [Theory]
    [MemberData(nameof(Grants))]
    public Task Grants_allow_only_where_policies_do_not_and_never_override_a_deny(Row row) => row.RunAsync();

    [Theory]
    [MemberData(nameof(Lockout))]
    public Task The_lockout_check_requires_the_caller_to_keep_kms_PutKeyPolicy(Row row) => row.RunAsync();

    [Theory]
    [MemberData(nameof(ConditionKeys))]
    public Task Kms_and_global_condition_keys_carry_the_requests_facts(Row row) => row.RunAsync();

    [Theory]
    [MemberData(nameof(MalformedPolicies))]
    public Task Malformed_policies_are_refused_with_AWS_messages(Row row) => row.RunAsync();

    [Fact]
    public void The_table_has_at_least_300_rows_with_unique_ids_each_stating_a_rule()
    {
        var rows = CaseTable.Topics.SelectMany(t => t.Rows).ToList();
        Assert.True(rows.Count >= 300, $"only {rows.Count} rows");
        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(rows, r => Assert.True(r.Rule.Length > 20 && r.Rule.TrimEnd().EndsWith('.'), $"{r.Id} does not state its rule as a sentence"));
    }
}
