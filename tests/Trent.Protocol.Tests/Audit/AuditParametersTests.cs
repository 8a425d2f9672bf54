using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using Trent.Protocol.Audit;
using Trent.Protocol.Query;
using Trent.Protocol.Validation;

namespace Trent.Protocol.Tests.Audit;

public sealed class AuditParametersTests
{
    private static string Request(string operation, string json)
    {
        using var document = JsonDocument.Parse(json);
        return AuditParameters.Request(document.RootElement, ServiceModel.Kms.Inputs[operation])?.ToString() ?? "null";
    }

    [Fact]
    public void Request_members_are_camelCased_and_blobs_and_grant_tokens_are_left_out()
    {
        var logged = Request("Encrypt", """
            {"KeyId":"alias/a","Plaintext":"c2VjcmV0","EncryptionContext":{"Tenant":"t1"},"GrantTokens":["token"],"EncryptionAlgorithm":"SYMMETRIC_DEFAULT","DryRun":false}
            """);

        Assert.Equal("""{"keyId":"alias/a","encryptionContext":{"Tenant":"t1"},"encryptionAlgorithm":"SYMMETRIC_DEFAULT","dryRun":false}""", logged);
    }

    [Fact]
    public void Every_blob_and_sensitive_member_of_every_KMS_request_is_left_out()
    {
        foreach (var (operation, input) in ServiceModel.Kms.Inputs)
        {
            if (input is null)
            {
                continue;
            }
            foreach (var member in input.Members.Where(m => m.Shape is BlobShape or StringShape { Sensitive: true }))
            {
                var value = member.Shape is BlobShape ? "\"c2VjcmV0\"" : "\"secret\"";
                Assert.Equal("null", Request(operation, $$"""{"{{member.Name}}":{{value}}}"""));
            }
        }
    }

    [Fact]
    public void Nested_structures_and_lists_are_camelCased_but_map_keys_are_kept_as_sent()
    {
        var logged = Request("CreateGrant", """
            {"KeyId":"k","GranteePrincipal":"p","Operations":["Decrypt"],"Constraints":{"EncryptionContextSubset":{"MixedCase Key":"v"}}}
            """);

        Assert.Equal("""{"keyId":"k","granteePrincipal":"p","operations":["Decrypt"],"constraints":{"encryptionContextSubset":{"MixedCase Key":"v"}}}""", logged);
    }

    [Fact]
    public void A_value_of_the_wrong_type_and_an_unknown_member_are_not_copied()
    {
        var logged = Request("Encrypt", """{"KeyId":{"nested":"anything"},"Unknown":"x","EncryptionContext":["not","a","map"]}""");

        Assert.Equal("""{"keyId":null,"encryptionContext":null}""", logged);
    }

    [Fact]
    public void Values_keep_their_characters_and_stay_on_one_line()
    {
        var logged = Request("Encrypt", """{"KeyId":"k","EncryptionContext":{"note":"a & b <c> é\n\"q\""}}""");

        Assert.Equal("{\"keyId\":\"k\",\"encryptionContext\":{\"note\":\"a & b <c> é\\n\\\"q\\\"\"}}", logged);
    }

    [Fact]
    public void A_request_with_nothing_loggable_logs_null()
    {
        Assert.Equal("null", Request("Decrypt", """{"CiphertextBlob":"AAAA"}"""));
    }

    [Fact]
    public void Response_timestamps_are_rendered_as_CloudTrail_renders_them()
    {
        using var document = JsonDocument.Parse("""{"KeyId":"k","DeletionDate":1660170507.0,"KeyState":"PendingDeletion","PendingWindowInDays":7}""");

        var logged = AuditParameters.Response(document.RootElement, ServiceModel.Kms.Outputs["ScheduleKeyDeletion"]!,
            FrozenSet.Create(StringComparer.Ordinal, "KeyId", "DeletionDate", "KeyState", "PendingWindowInDays"));

        Assert.Equal("""{"keyId":"k","deletionDate":"Aug 10, 2022, 10:28:27 PM","keyState":"PendingDeletion","pendingWindowInDays":7}""", logged?.ToString());
    }

    [Fact]
    public void An_IAM_secret_access_key_and_an_STS_session_token_never_reach_responseElements()
    {
        var accessKey = Encoding.UTF8.GetBytes("""
            <CreateAccessKeyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><CreateAccessKeyResult><AccessKey>
            <UserName>u</UserName><AccessKeyId>AKIAEXAMPLE</AccessKeyId><Status>Active</Status><SecretAccessKey>SECRET</SecretAccessKey>
            <CreateDate>2022-08-10T22:28:27Z</CreateDate></AccessKey></CreateAccessKeyResult></CreateAccessKeyResponse>
            """);
        var session = Encoding.UTF8.GetBytes("""
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>
            <AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>SECRET</SecretAccessKey><SessionToken>TOKEN</SessionToken>
            <Expiration>2022-08-10T23:28:27Z</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROA:s</AssumedRoleId>
            <Arn>arn:aws:sts::111122223333:assumed-role/r/s</Arn></AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>
            """);

        var keyLogged = QueryAudit.ResponseElements(QueryService.Iam, "CreateAccessKey", accessKey)?.ToString();
        var sessionLogged = QueryAudit.ResponseElements(QueryService.Sts, "AssumeRole", session)?.ToString();

        Assert.Equal("""{"accessKey":{"userName":"u","accessKeyId":"AKIAEXAMPLE","status":"Active","createDate":"Aug 10, 2022, 10:28:27 PM"}}""", keyLogged);
        Assert.Equal(
            """{"credentials":{"accessKeyId":"ASIAEXAMPLE","expiration":"Aug 10, 2022, 11:28:27 PM"},"assumedRoleUser":{"assumedRoleId":"AROA:s","arn":"arn:aws:sts::111122223333:assumed-role/r/s"}}""",
            sessionLogged);
    }
}
