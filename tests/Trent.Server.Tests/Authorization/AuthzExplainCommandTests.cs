using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Grants;
using Trent.Server.Tests.Harness;
using Trent.Server.Tests.Identity;
using Trent.Server.Tests.Identity.Support;

namespace Trent.Server.Tests.Authorization;

/// <summary>
/// <c>trent authz explain</c> gives the decision a real request gets, with the statements and grants behind it:
/// each case asks the command and then makes the same request with the AWS SDK.
/// </summary>
public sealed class AuthzExplainCommandTests(GrantServer fixture) : IClassFixture<GrantServer>
{
    private TrentServer Server => fixture.Server;

    [Fact]
    public async Task A_refusal_is_explained_with_the_message_the_caller_sees()
    {
        var key = await fixture.NewKeyAsync();
        var user = await Server.NewGranteeAsync();

        var (exit, stdout, stderr) = await ExplainAsync("--principal", user.Arn, "--action", "kms:Encrypt", "--key", key.KeyId);

        Assert.True(exit == 1, stderr);
        Assert.StartsWith("DENY: the key policy delegates to the caller's account, but no identity-based policy allows the action", stdout, StringComparison.Ordinal);
        Assert.Contains("key policy statement \"Enable IAM User Permissions\" (Allow): applies", stdout, StringComparison.Ordinal);
        var denied = await GrantKit.DeniedAsync(() => user.Kms.EncryptAsync(key.KeyId), user.Arn, "kms:Encrypt", key.Arn);
        Assert.Contains($"The caller would see: AccessDeniedException: {denied.Message}", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_deny_names_its_statement_and_holds_only_for_the_context_it_matches()
    {
        var user = await Server.NewGranteeAsync(GrantKit.Allow("kms:Encrypt"));
        var key = (await fixture.Kms.CreateKeyAsync(new CreateKeyRequest { Policy = PolicyDenyingPurpose(user.Arn, "audit") })).KeyMetadata;

        var denied = await ExplainAsync("--principal", user.Arn, "--action", "Encrypt", "--key", key.Arn, "--encryption-context", "purpose=audit");
        var allowed = await ExplainAsync("--principal", user.Arn, "--action", "Encrypt", "--key", key.Arn, "--encryption-context", "purpose=billing");

        Assert.Equal(1, denied.Exit);
        Assert.StartsWith("DENY: an explicit deny in the key policy", denied.Stdout, StringComparison.Ordinal);
        Assert.Contains("key policy statement \"NoAuditEncryption\" (Deny): applies", denied.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, allowed.Exit);
        Assert.StartsWith("ALLOW: the key policy delegates to the caller's account and an identity-based policy allows the caller", allowed.Stdout, StringComparison.Ordinal);
        Assert.Contains("identity policy \"p1\"", allowed.Stdout, StringComparison.Ordinal);
        await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() => user.Kms.EncryptAsync(key.KeyId, GrantKit.Context("purpose", "audit")));
        await user.Kms.EncryptAsync(key.KeyId, GrantKit.Context("purpose", "billing"));
    }

    [Fact]
    public async Task The_server_logs_the_same_explanation_for_a_refusal_at_debug_level_and_nothing_of_an_allowed_context()
    {
        var user = await Server.NewGranteeAsync(GrantKit.Allow("kms:Encrypt"));
        var key = (await fixture.Kms.CreateKeyAsync(new CreateKeyRequest { Policy = PolicyDenyingPurpose(user.Arn, "audit") })).KeyMetadata;
        var allowedValue = "allowed-context-" + Guid.NewGuid().ToString("N");

        var refused = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() => user.Kms.EncryptAsync(key.KeyId, GrantKit.Context("purpose", "audit")));
        await user.Kms.EncryptAsync(key.KeyId, GrantKit.Context("purpose", allowedValue));
        var (_, explained, _) = await ExplainAsync("--principal", user.Arn, "--action", "kms:Encrypt", "--key", key.KeyId, "--encryption-context", "purpose=audit");

        var logged = Assert.Single(Server.Log.Lines, l => l.StartsWith("Debug ", StringComparison.Ordinal) && l.Contains(refused.RequestId, StringComparison.Ordinal));
        var decision = explained[..explained.IndexOf("The caller would see", StringComparison.Ordinal)].TrimEnd();
        Assert.Contains(decision, logged, StringComparison.Ordinal);
        Assert.DoesNotContain(allowedValue, Server.Log.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grant_that_allows_is_named_and_an_alias_resolves_to_its_key()
    {
        var key = await fixture.NewKeyAsync();
        var alias = "alias/" + IdentityServer.Unique("explain");
        await fixture.Kms.CreateAliasAsync(alias, key.KeyId);
        var user = await Server.NewGranteeAsync();
        var grant = await fixture.Kms.GrantAsync(key.KeyId, user.Arn, "Encrypt");

        var (exit, stdout, stderr) = await ExplainAsync("--principal", user.Arn, "--action", "kms:Encrypt", "--key", alias);

        Assert.True(exit == 0, stderr);
        Assert.StartsWith($"ALLOW: grant {grant.GrantId} allows kms:Encrypt", stdout, StringComparison.Ordinal);
        Assert.Contains($"grant {grant.GrantId} allows the operation", stdout, StringComparison.Ordinal);
        await user.Kms.EncryptAsync(alias);
    }

    [Fact]
    public async Task A_role_is_explained_as_its_sessions_are_decided()
    {
        var key = await fixture.NewKeyAsync();
        var (session, roleArn) = await Sessions.AssumeNewRoleAsync(Server);

        var asRole = await ExplainAsync("--principal", roleArn, "--action", "kms:DescribeKey", "--key", key.KeyId);
        var asSession = await ExplainAsync("--principal", session.Arn, "--action", "kms:DescribeKey", "--key", key.KeyId);

        Assert.Equal((1, 1), (asRole.Exit, asSession.Exit));
        Assert.Contains("is not authorized to perform: kms:DescribeKey", asSession.Stdout, StringComparison.Ordinal);
        await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() => session.Kms.DescribeKeyAsync(key.KeyId));
    }

    [Fact]
    public async Task The_account_root_is_allowed_actions_without_a_key()
    {
        var (exit, stdout, stderr) = await ExplainAsync("--principal", fixture.RootArn, "--action", "kms:CreateKey");

        Assert.True(exit == 0, stderr);
        Assert.StartsWith("ALLOW: the account root may perform every action in its account", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-an-arn", "is not a principal ARN")]
    [InlineData("arn:aws:iam::111122223333:user/nobody-by-that-name", "No IAM user arn:aws:iam::111122223333:user/nobody-by-that-name exists")]
    public async Task A_principal_that_is_not_there_is_a_clear_error(string principal, string message)
    {
        var (exit, _, stderr) = await ExplainAsync("--principal", principal, "--action", "kms:Encrypt");

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_that_is_not_there_is_AWSs_NotFound_message()
    {
        var (exit, _, stderr) = await ExplainAsync("--principal", fixture.RootArn, "--action", "kms:Encrypt", "--key", "alias/none-such");

        Assert.Equal(2, exit);
        Assert.Contains($"Alias arn:aws:kms:us-east-1:{fixture.Account}:alias/none-such is not found.", stderr, StringComparison.Ordinal);
    }

    private Task<(int Exit, string Stdout, string Stderr)> ExplainAsync(params string[] args) =>
        AccountCommandTests.RunTrentAsync(["authz", "explain", "--data-dir", Server.DataDir, "--region", TrentServer.Region, .. args]);

    private string PolicyDenyingPurpose(string userArn, string purpose) => $$$"""
        {"Version":"2012-10-17","Statement":[
          {"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"{{{fixture.RootArn}}}"},"Action":"kms:*","Resource":"*"},
          {"Sid":"NoAuditEncryption","Effect":"Deny","Principal":{"AWS":"{{{userArn}}}"},"Action":"kms:Encrypt","Resource":"*",
           "Condition":{"StringEquals":{"kms:EncryptionContext:purpose":"{{{purpose}}}"} } }]}
        """;
}
