using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.KeyManagement.Support;

namespace Trent.Server.Tests.KeyManagement;

/// <summary>GetKeyPolicy, PutKeyPolicy, ListKeyPolicies and the Policy of CreateKey.</summary>
public sealed class KeyPolicyTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string PatternMessageTail =
        "' at 'policy' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+";

    // Not a constant: the SDK's analyzer refuses constants that break the model's pattern, and this test needs one.
    private static readonly string BadPolicyName = "not-default";

    private readonly AmazonKeyManagementServiceClient _kms = shared.Kms;

    /// <summary>Odd spacing, CRLF, a tab, member order and Latin-1 letters: everything a re-serialization would change.</summary>
    private const string Verbatim =
        "{\r\n\t\"Statement\": [ {\"Sid\":\"Tous les accès é ÿ\",  \"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\n" +
        "\"Action\":[\"kms:*\"],\"Resource\":\"*\" } ],\n  \"Version\" :\"2012-10-17\"   }\n";

    private static string DefaultPolicy(string account) =>
        "{\n" +
        "  \"Version\" : \"2012-10-17\",\n" +
        "  \"Id\" : \"key-default-1\",\n" +
        "  \"Statement\" : [ {\n" +
        "    \"Sid\" : \"Enable IAM User Permissions\",\n" +
        "    \"Effect\" : \"Allow\",\n" +
        "    \"Principal\" : {\n" +
        $"      \"AWS\" : \"arn:aws:iam::{account}:root\"\n" +
        "    },\n" +
        "    \"Action\" : \"kms:*\",\n" +
        "    \"Resource\" : \"*\"\n" +
        "  } ]\n" +
        "}";

    /// <summary>A valid policy of exactly <paramref name="bytes"/> UTF-8 bytes, padded inside the Sid.</summary>
    private static string PolicyOfSize(int bytes)
    {
        const string head = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"";
        const string tail = "\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
        return head + new string('p', bytes - head.Length - tail.Length) + tail;
    }

    [Fact]
    public async Task GetKeyPolicy_of_a_key_created_without_a_policy_returns_the_default_policy_byte_for_byte()
    {
        var key = await _kms.NewKeyAsync();

        var response = await _kms.GetKeyPolicyAsync(new GetKeyPolicyRequest { KeyId = key.KeyId });

        Assert.Equal(DefaultPolicy(shared.Account), response.Policy);
        Assert.Equal("default", response.PolicyName);
    }

    [Fact]
    public async Task GetKeyPolicy_with_PolicyName_default_returns_the_policy()
    {
        var key = await _kms.NewKeyAsync();

        var response = await _kms.GetKeyPolicyAsync(new GetKeyPolicyRequest { KeyId = key.Arn, PolicyName = "default" });

        Assert.Equal(DefaultPolicy(shared.Account), response.Policy);
    }

    [Fact]
    public async Task GetKeyPolicy_in_another_region_returns_the_same_default_policy_text()
    {
        using var kms = shared.Server.Kms("eu-west-1");
        var key = await kms.NewKeyAsync();

        Assert.Equal(DefaultPolicy(shared.Account), await kms.PolicyOfAsync(key.KeyId));
    }

    [Fact]
    public async Task GetKeyPolicy_with_another_PolicyName_returns_NotFoundException()
    {
        var key = await _kms.NewKeyAsync();
        await Expect.Error<NotFoundException>(
            () => _kms.GetKeyPolicyAsync(new GetKeyPolicyRequest { KeyId = key.KeyId, PolicyName = "custom" }),
            "No such policy exists: custom. The only valid policy name is default.");
    }

    [Fact]
    public async Task GetKeyPolicy_with_a_PolicyName_outside_the_model_pattern_returns_the_model_ValidationException()
    {
        var key = await _kms.NewKeyAsync();
        await Expect.Validation(
            () => _kms.GetKeyPolicyAsync(new GetKeyPolicyRequest { KeyId = key.KeyId, PolicyName = BadPolicyName }),
            "1 validation error detected: Value 'not-default' at 'policyName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w]+");
    }

    [Fact]
    public async Task CreateKey_with_a_Policy_stores_it_verbatim()
    {
        var key = (await _kms.CreateKeyAsync(new CreateKeyRequest { Policy = Verbatim })).KeyMetadata;

        Assert.Equal(Verbatim, await _kms.PolicyOfAsync(key.KeyId));
    }

    [Fact]
    public async Task CreateKey_with_a_Policy_and_BypassPolicyLockoutSafetyCheck_stores_it()
    {
        var key = (await _kms.CreateKeyAsync(new CreateKeyRequest { Policy = Verbatim, BypassPolicyLockoutSafetyCheck = true })).KeyMetadata;

        Assert.Equal(Verbatim, await _kms.PolicyOfAsync(key.KeyId));
    }

    [Fact]
    public async Task PutKeyPolicy_replaces_the_policy_and_GetKeyPolicy_returns_it_verbatim()
    {
        var key = await _kms.NewKeyAsync();

        await _kms.PutKeyPolicyAsync(new PutKeyPolicyRequest { KeyId = key.KeyId, Policy = Verbatim });

        Assert.Equal(Verbatim, await _kms.PolicyOfAsync(key.KeyId));
    }

    [Fact]
    public async Task PutKeyPolicy_with_PolicyName_default_and_the_bypass_flag_replaces_the_policy()
    {
        var key = await _kms.NewKeyAsync();

        await _kms.PutKeyPolicyAsync(new PutKeyPolicyRequest
        {
            KeyId = key.Arn,
            PolicyName = "default",
            Policy = Verbatim,
            BypassPolicyLockoutSafetyCheck = true,
        });

        Assert.Equal(Verbatim, await _kms.PolicyOfAsync(key.KeyId));
    }

    [Fact]
    public async Task PutKeyPolicy_changes_only_that_keys_policy()
    {
        var changed = await _kms.NewKeyAsync();
        var untouched = await _kms.NewKeyAsync();

        await _kms.PutKeyPolicyAsync(new PutKeyPolicyRequest { KeyId = changed.KeyId, Policy = Verbatim });

        Assert.Equal(DefaultPolicy(shared.Account), await _kms.PolicyOfAsync(untouched.KeyId));
    }

    [Fact]
    public async Task PutKeyPolicy_with_another_PolicyName_returns_NotFoundException_and_keeps_the_policy()
    {
        var key = await _kms.NewKeyAsync();

        await Expect.Error<NotFoundException>(
            () => _kms.PutKeyPolicyAsync(new PutKeyPolicyRequest { KeyId = key.KeyId, PolicyName = "custom", Policy = Verbatim }),
            "No such policy exists: custom. The only valid policy name is default.");
        Assert.Equal(DefaultPolicy(shared.Account), await _kms.PolicyOfAsync(key.KeyId));
    }

    [Fact]
    public async Task PutKeyPolicy_without_a_Policy_returns_the_model_ValidationException()
    {
        var key = await _kms.NewKeyAsync();
        await Expect.Validation(
            () => _kms.PutKeyPolicyAsync(new PutKeyPolicyRequest { KeyId = key.KeyId }),
            "1 validation error detected: Value null at 'policy' failed to satisfy constraint: Member must not be null");
    }

    [Theory]
    [InlineData("{\"Version\":\"2012-10-17\",", "The policy document is not valid JSON.")]
    [InlineData("not json", "The policy document is not valid JSON.")]
    [InlineData("[{\"Version\":\"2012-10-17\"}]", "The policy document must be a JSON object.")]
    [InlineData("\"a string\"", "The policy document must be a JSON object.")]
    public async Task PutKeyPolicy_with_a_document_that_is_not_a_JSON_object_returns_MalformedPolicyDocumentException(string policy, string message)
    {
        var key = await _kms.NewKeyAsync();

        await Expect.Error<MalformedPolicyDocumentException>(
            () => _kms.PutKeyPolicyAsync(new PutKeyPolicyRequest { KeyId = key.KeyId, Policy = policy }),
            message);
        Assert.Equal(DefaultPolicy(shared.Account), await _kms.PolicyOfAsync(key.KeyId));
    }

    [Fact]
    public async Task CreateKey_with_a_Policy_that_is_not_JSON_returns_MalformedPolicyDocumentException()
    {
        await Expect.Error<MalformedPolicyDocumentException>(
            () => _kms.CreateKeyAsync(new CreateKeyRequest { Policy = "{ nope" }), "The policy document is not valid JSON.");
    }

    [Fact]
    public async Task PutKeyPolicy_with_a_policy_of_exactly_32768_bytes_stores_it()
    {
        var key = await _kms.NewKeyAsync();
        var policy = PolicyOfSize(32768);

        await _kms.PutKeyPolicyAsync(new PutKeyPolicyRequest { KeyId = key.KeyId, Policy = policy });

        Assert.Equal(policy, await _kms.PolicyOfAsync(key.KeyId));
    }

    [Fact]
    public async Task PutKeyPolicy_with_a_policy_over_32768_bytes_returns_LimitExceededException()
    {
        var key = await _kms.NewKeyAsync();

        await Expect.Error<LimitExceededException>(
            () => _kms.PutKeyPolicyAsync(new PutKeyPolicyRequest { KeyId = key.KeyId, Policy = PolicyOfSize(32769) }),
            "The key policy exceeds the maximum size of 32768 bytes.");
        Assert.Equal(DefaultPolicy(shared.Account), await _kms.PolicyOfAsync(key.KeyId));
    }

    [Fact]
    public async Task CreateKey_with_a_policy_over_32768_bytes_returns_LimitExceededException()
    {
        await Expect.Error<LimitExceededException>(
            () => _kms.CreateKeyAsync(new CreateKeyRequest { Policy = PolicyOfSize(32769) }),
            "The key policy exceeds the maximum size of 32768 bytes.");
    }

    [Fact]
    public async Task PutKeyPolicy_with_a_character_beyond_Latin_1_returns_the_model_ValidationException()
    {
        var key = await _kms.NewKeyAsync();
        var policy = Verbatim.Replace("é", "€", StringComparison.Ordinal);

        await Expect.Validation(
            () => _kms.PutKeyPolicyAsync(new PutKeyPolicyRequest { KeyId = key.KeyId, Policy = policy }),
            "1 validation error detected: Value '" + policy + PatternMessageTail);
    }

    [Fact]
    public async Task ListKeyPolicies_returns_only_the_default_policy_name_and_is_complete()
    {
        var key = await _kms.NewKeyAsync();

        var page = await _kms.ListKeyPoliciesAsync(new ListKeyPoliciesRequest { KeyId = key.KeyId });

        Assert.Equal(["default"], page.PolicyNames);
        Assert.False(page.Truncated);
        Assert.Null(page.NextMarker);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    public async Task ListKeyPolicies_with_a_Limit_in_range_returns_the_default_policy_name(int limit)
    {
        var key = await _kms.NewKeyAsync();

        var page = await _kms.ListKeyPoliciesAsync(new ListKeyPoliciesRequest { KeyId = key.KeyId, Limit = limit });

        Assert.Equal(["default"], page.PolicyNames);
        Assert.False(page.Truncated);
    }

    [Fact]
    public async Task ListKeyPolicies_after_PutKeyPolicy_still_lists_only_default()
    {
        var key = await _kms.NewKeyAsync();
        await _kms.PutKeyPolicyAsync(new PutKeyPolicyRequest { KeyId = key.KeyId, Policy = Verbatim });

        var page = await _kms.ListKeyPoliciesAsync(new ListKeyPoliciesRequest { KeyId = key.KeyId });

        Assert.Equal(["default"], page.PolicyNames);
    }
}
