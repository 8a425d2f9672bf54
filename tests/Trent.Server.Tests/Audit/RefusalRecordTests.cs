using System.Globalization;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using Trent.Server.Tests.Audit.Support;
using Trent.Server.Tests.Grants;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Audit;

/// <summary>Refused requests are recorded too: denied, invalid, unauthenticated, each with its error and who asked.</summary>
public sealed class RefusalRecordTests(AuditServer fx) : IClassFixture<AuditServer>
{
    [Fact]
    public async Task An_AccessDenied_request_is_recorded_with_the_IAM_user_the_key_and_the_encryption_context()
    {
        var key = await fx.Kms.CreateKeyAsync();
        var user = await fx.Server.NewGranteeAsync();

        var denied = await Assert.ThrowsAnyAsync<AmazonKeyManagementServiceException>(() => user.Kms.EncryptAsync(new EncryptRequest
        {
            KeyId = key.Arn,
            Plaintext = Utf8("x"),
            EncryptionContext = new() { ["order"] = "4711" },
        }));

        var record = Trail.Single(fx.AuditDirectory, denied.RequestId);
        Assert.Equal("AccessDeniedException", record.Text("errorCode"));
        Assert.Equal(denied.Message, record.Text("errorMessage"));
        var identity = record.GetProperty("userIdentity");
        Assert.Equal("IAMUser", identity.Text("type"));
        Assert.Equal(user.Arn, identity.Text("arn"));
        Assert.StartsWith("AIDA", identity.Text("principalId"), StringComparison.Ordinal);
        Assert.Equal(user.Keys.AccessKeyId, identity.Text("accessKeyId"));
        Assert.Equal(user.Arn.Split('/')[^1], identity.Text("userName"));
        Assert.Equal([key.Arn], record.ResourceArns());
        Assert.Equal("4711", record.GetProperty("requestParameters").GetProperty("encryptionContext").Text("order"));
    }

    [Fact]
    public async Task An_assumed_role_session_is_recorded_with_its_session_context()
    {
        var key = await fx.Kms.CreateKeyAsync();
        var (session, roleArn) = await Sessions.AssumeNewRoleAsync(fx.Server);

        var denied = await Assert.ThrowsAnyAsync<AmazonKeyManagementServiceException>(() => session.Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = key.Arn }));

        var record = Trail.Single(fx.AuditDirectory, denied.RequestId);
        var identity = record.GetProperty("userIdentity");
        Assert.Equal("AssumedRole", identity.Text("type"));
        Assert.Equal(session.Arn, identity.Text("arn"));
        Assert.StartsWith("ASIA", identity.Text("accessKeyId"), StringComparison.Ordinal);
        Assert.EndsWith(":s1", identity.Text("principalId"), StringComparison.Ordinal);
        var issuer = identity.GetProperty("sessionContext").GetProperty("sessionIssuer");
        Assert.Equal("Role", issuer.Text("type"));
        Assert.Equal(roleArn, issuer.Text("arn"));
        Assert.Equal(identity.Text("principalId")!.Split(':')[0], issuer.Text("principalId"));
        var attributes = identity.GetProperty("sessionContext").GetProperty("attributes");
        Assert.Equal("false", attributes.Text("mfaAuthenticated"));
        // The session was issued by the AssumeRole before this call: its creation date is CloudTrail-formatted and not later.
        Assert.True(DateTimeOffset.TryParseExact(attributes.Text("creationDate"), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var created), attributes.GetRawText());
        Assert.True(created <= DateTimeOffset.Parse(record.Text("eventTime")!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_validation_error_is_recorded_with_its_message_and_the_loggable_parameters()
    {
        var key = await fx.Kms.CreateKeyAsync();
        var invalid = await Assert.ThrowsAnyAsync<AmazonKeyManagementServiceException>(() =>
            fx.Kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId, NumberOfBytes = Unchecked(2048) }));

        var record = Trail.Single(fx.AuditDirectory, invalid.RequestId);
        Assert.Equal("ValidationException", record.Text("errorCode"));
        Assert.Equal(invalid.Message, record.Text("errorMessage"));
        Assert.Equal(2048, record.GetProperty("requestParameters").GetProperty("numberOfBytes").GetInt32());
        Assert.Equal("Root", record.GetProperty("userIdentity").Text("type"));
    }

    [Fact]
    public async Task A_request_with_a_wrong_signature_is_recorded_with_the_access_key_it_claimed_and_nothing_it_did_not_prove()
    {
        using var forged = fx.Server.KmsAs(fx.Server.Root.AccessKeyId, "not-the-secret-" + Guid.NewGuid().ToString("N"));

        var refused = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => forged.ListKeysAsync(new ListKeysRequest()));

        var record = Trail.Single(fx.AuditDirectory, refused.RequestId);
        Assert.Equal("InvalidSignatureException", record.Text("errorCode"));
        Assert.Equal("ListKeys", record.Text("eventName"));
        var identity = record.GetProperty("userIdentity");
        Assert.Equal("Unknown", identity.Text("type"));
        Assert.Equal(fx.Server.Root.AccessKeyId, identity.Text("accessKeyId"));
        Assert.Null(identity.Text("arn"));
        Assert.Equal("us-east-1", record.Text("awsRegion"));
        Assert.Null(record.Text("recipientAccountId"));
    }

    [Fact]
    public async Task A_request_with_an_unknown_access_key_is_recorded_as_UnrecognizedClientException()
    {
        using var stranger = fx.Server.KmsAs("AKIAUNKNOWN000000000", "whatever", region: "eu-west-1");

        var refused = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => stranger.ListAliasesAsync(new ListAliasesRequest()));

        var record = Trail.Single(fx.AuditDirectory, refused.RequestId);
        Assert.Equal("UnrecognizedClientException", record.Text("errorCode"));
        Assert.Equal("AKIAUNKNOWN000000000", record.GetProperty("userIdentity").Text("accessKeyId"));
        Assert.Equal("eu-west-1", record.Text("awsRegion"));
    }

    [Fact]
    public async Task A_call_of_an_operation_Trent_does_not_implement_is_recorded_under_its_name()
    {
        var refused = await Assert.ThrowsAnyAsync<AmazonServiceException>(() =>
            fx.Kms.DescribeCustomKeyStoresAsync(new DescribeCustomKeyStoresRequest()));

        var record = Trail.Single(fx.AuditDirectory, refused.RequestId);
        Assert.Equal("DescribeCustomKeyStores", record.Text("eventName"));
        Assert.Equal("UnsupportedOperationException", record.Text("errorCode"));
        Assert.Equal("Root", record.GetProperty("userIdentity").Text("type"));
    }

    [Fact]
    public async Task A_request_without_any_signature_is_recorded()
    {
        using var http = new HttpClient();
        using var content = new StringContent("{}", System.Text.Encoding.UTF8, "application/x-amz-json-1.1");
        content.Headers.ContentType!.CharSet = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, fx.Server.BaseAddress) { Content = content };
        request.Headers.Add("X-Amz-Target", "TrentService.ListKeys");

        using var response = await http.SendAsync(request);

        var record = Trail.Single(fx.AuditDirectory, response.Headers.GetValues("x-amzn-RequestId").Single());
        Assert.Equal("MissingAuthenticationTokenException", record.Text("errorCode"));
        Assert.Equal("Unknown", record.GetProperty("userIdentity").Text("type"));
    }
}
