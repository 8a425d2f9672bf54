using System.Text.Json;
using Amazon.SecurityToken.Model;
using Trent.Server.Tests.Audit.Support;
using Trent.Server.Tests.Identity.Support;

namespace Trent.Server.Tests.Audit;

/// <summary>IAM and STS calls go into the same trail under their own eventSource, with their credentials left out.</summary>
public sealed class QueryRecordTests(AuditServer fx) : IClassFixture<AuditServer>
{
    [Fact]
    public async Task IAM_calls_are_recorded_under_iam_and_CreateAccessKey_logs_the_key_id_but_never_the_secret()
    {
        var userName = IdentityServer.Unique("audited");
        var outcomes = await fx.Server.Boto().RunAsync(
            new BotoCall("iam", "CreateUser", new { UserName = userName }),
            new BotoCall("iam", "CreateAccessKey", new { UserName = userName }),
            new BotoCall("iam", "GetUser", new { UserName = userName }),
            new BotoCall("iam", "DeleteUser", new { UserName = IdentityServer.Unique("missing") }));
        var accessKey = outcomes[1].Ok.GetProperty("AccessKey");

        var created = Trail.Single(fx.AuditDirectory, outcomes[0].RequestId!);
        Assert.Equal("iam.amazonaws.com", created.Text("eventSource"));
        Assert.Equal("CreateUser", created.Text("eventName"));
        Assert.False(created.GetProperty("readOnly").GetBoolean());
        Assert.Equal(userName, created.GetProperty("requestParameters").Text("userName"));
        Assert.Equal(userName, created.GetProperty("responseElements").GetProperty("user").Text("userName"));

        var keyRecord = Trail.Single(fx.AuditDirectory, outcomes[1].RequestId!);
        var logged = keyRecord.GetProperty("responseElements").GetProperty("accessKey");
        Assert.Equal(accessKey.GetProperty("AccessKeyId").GetString(), logged.Text("accessKeyId"));
        Assert.False(logged.TryGetProperty("secretAccessKey", out _));
        Assert.DoesNotContain(accessKey.GetProperty("SecretAccessKey").GetString()!, keyRecord.GetRawText(), StringComparison.Ordinal);

        var read = Trail.Single(fx.AuditDirectory, outcomes[2].RequestId!);
        Assert.True(read.GetProperty("readOnly").GetBoolean());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("responseElements").ValueKind);

        var failed = Trail.Single(fx.AuditDirectory, outcomes[3].RequestId!);
        Assert.Equal("NoSuchEntity", failed.Text("errorCode"));
        Assert.Equal(outcomes[3].ErrorMessage, failed.Text("errorMessage"));
    }

    [Fact]
    public async Task GetCallerIdentity_is_recorded_under_sts_as_a_read()
    {
        using var sts = fx.Server.Sts();
        var me = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        var record = Trail.Single(fx.AuditDirectory, me.ResponseMetadata.RequestId);
        Assert.Equal("sts.amazonaws.com", record.Text("eventSource"));
        Assert.Equal("GetCallerIdentity", record.Text("eventName"));
        Assert.True(record.GetProperty("readOnly").GetBoolean());
        Assert.Equal("Root", record.GetProperty("userIdentity").Text("type"));
        Assert.Equal("AwsApiCall", record.Text("eventType"));
    }

    [Fact]
    public async Task An_STS_call_with_a_wrong_signature_is_recorded_under_sts_with_only_the_access_key_it_claimed()
    {
        using var forged = fx.Server.Sts(new SigningCredentials(fx.Server.Root.AccessKeyId, "not-the-secret-" + Guid.NewGuid().ToString("N")));

        var refused = await Assert.ThrowsAnyAsync<Amazon.Runtime.AmazonServiceException>(() => forged.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        var record = Trail.Single(fx.AuditDirectory, refused.RequestId);
        Assert.Equal("sts.amazonaws.com", record.Text("eventSource"));
        Assert.Equal("GetCallerIdentity", record.Text("eventName"));
        Assert.Equal("SignatureDoesNotMatch", record.Text("errorCode"));
        Assert.Equal("Unknown", record.GetProperty("userIdentity").Text("type"));
        Assert.Equal(fx.Server.Root.AccessKeyId, record.GetProperty("userIdentity").Text("accessKeyId"));
    }

    [Fact]
    public async Task AssumeRole_logs_the_session_key_id_and_expiry_but_neither_its_secret_nor_its_token()
    {
        var (keys, _, userArn) = await fx.Server.NewUserAsync(IdentityServer.Unique("assumer"));
        var trust = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{userArn}}"},"Action":"sts:AssumeRole"}]}""";
        var role = (await fx.Server.Boto().IamAsync("CreateRole", new { RoleName = IdentityServer.Unique("role"), AssumeRolePolicyDocument = trust })).GetProperty("Role");
        using var sts = fx.Server.Sts(keys);

        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = role.Str("Arn"), RoleSessionName = "audited" });

        var record = Trail.Single(fx.AuditDirectory, assumed.ResponseMetadata.RequestId);
        Assert.Equal("sts.amazonaws.com", record.Text("eventSource"));
        Assert.Equal("IAMUser", record.GetProperty("userIdentity").Text("type"));
        Assert.Equal(role.Str("Arn"), record.GetProperty("requestParameters").Text("roleArn"));
        Assert.Equal("audited", record.GetProperty("requestParameters").Text("roleSessionName"));
        var credentials = record.GetProperty("responseElements").GetProperty("credentials");
        Assert.Equal(assumed.Credentials.AccessKeyId, credentials.Text("accessKeyId"));
        Assert.NotNull(credentials.Text("expiration"));
        Assert.False(credentials.TryGetProperty("secretAccessKey", out _));
        Assert.False(credentials.TryGetProperty("sessionToken", out _));
        Assert.Equal(assumed.AssumedRoleUser.Arn, record.GetProperty("responseElements").GetProperty("assumedRoleUser").Text("arn"));
        var text = record.GetRawText();
        Assert.DoesNotContain(assumed.Credentials.SecretAccessKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(assumed.Credentials.SessionToken, text, StringComparison.Ordinal);
        var resource = record.GetProperty("resources")[0];
        Assert.Equal(("AWS::IAM::Role", role.Str("Arn")), (resource.Text("type"), resource.Text("ARN")));
    }
}
