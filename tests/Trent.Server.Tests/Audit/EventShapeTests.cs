using System.Text.Json;
using Trent.Protocol.Validation;
using Trent.Server.Tests.Audit.Support;
using Trent.Server.Tests.Wire;

namespace Trent.Server.Tests.Audit;

/// <summary>
/// Every KMS operation, called through the AWS SDK for .NET, leaves exactly one record in the trail with CloudTrail's
/// fields: who, when, where from, what, on which keys, and never a blob of the request.
/// </summary>
public sealed class EventShapeTests(AuditServer fx) : IClassFixture<AuditServer>
{
    private static readonly HashSet<string> ReadOnlyOperations =
    [
        "Encrypt", "Decrypt", "ReEncrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "GenerateDataKeyPair",
        "GenerateDataKeyPairWithoutPlaintext", "GenerateRandom", "Sign", "Verify", "GenerateMac", "VerifyMac", "DeriveSharedSecret",
        "DescribeKey", "GetKeyLastUsage", "GetKeyPolicy", "GetKeyRotationStatus", "GetPublicKey", "ListAliases", "ListGrants",
        "ListKeyPolicies", "ListKeyRotations", "ListKeys", "ListResourceTags", "ListRetirableGrants",
    ];

    private static readonly HashSet<string> WithResponseElements = ["CreateKey", "CreateGrant", "ScheduleKeyDeletion", "CancelKeyDeletion"];

    public static TheoryData<string> Operations => KmsModel.Theory(EveryOperation.Calls.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void The_audit_tests_call_every_operation_Trent_implements()
    {
        Assert.Empty(KmsModel.Implemented.Except(EveryOperation.Calls.Keys));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task The_operation_leaves_exactly_one_record_with_CloudTrails_fields(string operation)
    {
        var call = await fx.Operations.RunAsync(operation);

        var record = Trail.Single(fx.AuditDirectory, call.RequestId);
        Assert.Equal("1.11", record.Text("eventVersion"));
        Assert.Equal("kms.amazonaws.com", record.Text("eventSource"));
        Assert.Equal(operation, record.Text("eventName"));
        Assert.Equal("us-east-1", record.Text("awsRegion"));
        Assert.Equal("127.0.0.1", record.Text("sourceIPAddress"));
        Assert.Contains("aws-sdk-dotnet", record.Text("userAgent"), StringComparison.Ordinal);
        Assert.Equal("AwsApiCall", record.Text("eventType"));
        Assert.True(record.GetProperty("managementEvent").GetBoolean());
        Assert.Equal("Management", record.Text("eventCategory"));
        Assert.Equal(fx.Account, record.Text("recipientAccountId"));
        Assert.Equal(ReadOnlyOperations.Contains(operation), record.GetProperty("readOnly").GetBoolean());
        Assert.True(Guid.TryParse(record.Text("eventID"), out _));
        Assert.True(DateTimeOffset.TryParseExact(record.Text("eventTime"), "yyyy-MM-dd'T'HH:mm:ss'Z'", null, System.Globalization.DateTimeStyles.AssumeUniversal, out _));
        Assert.False(record.TryGetProperty("errorCode", out _));
        Assert.False(record.TryGetProperty("errorMessage", out _));
        Assert.False(record.TryGetProperty("tlsDetails", out _));

        var identity = record.GetProperty("userIdentity");
        Assert.Equal("Root", identity.Text("type"));
        Assert.Equal(fx.Account, identity.Text("principalId"));
        Assert.Equal(fx.RootArn, identity.Text("arn"));
        Assert.Equal(fx.Account, identity.Text("accountId"));
        Assert.Equal(fx.Server.Root.AccessKeyId, identity.Text("accessKeyId"));

        Assert.Equal(call.KeyArns.Order(), record.ResourceArns().Order());
        Assert.All(record.GetProperty("resources").EnumerateArray(), r =>
        {
            Assert.Equal("AWS::KMS::Key", r.Text("type"));
            Assert.Equal(fx.Account, r.Text("accountId"));
        });

        AssertNoBlobsLogged(operation, record.GetProperty("requestParameters"));
        Assert.Equal(WithResponseElements.Contains(operation), record.GetProperty("responseElements").ValueKind == JsonValueKind.Object);
    }

    /// <summary>requestParameters hold only members of the request that are neither blobs nor sensitive, camelCased.</summary>
    private static void AssertNoBlobsLogged(string operation, JsonElement parameters)
    {
        // GenerateRandom's byte count is not logged, as in AWS; the Decrypt call here sends only its ciphertext.
        if (operation is "GenerateRandom" or "Decrypt")
        {
            Assert.Equal(JsonValueKind.Null, parameters.ValueKind);
            return;
        }
        Assert.Equal(JsonValueKind.Object, parameters.ValueKind);
        var input = KmsModel.Input(operation);
        foreach (var property in parameters.EnumerateObject())
        {
            var member = input.Members.SingleOrDefault(m => m.MessageName == property.Name);
            Assert.True(member is not null, $"{operation} logged {property.Name}, which is no member of its request");
            Assert.False(member.Shape is BlobShape, $"{operation} logged the blob {property.Name}");
            Assert.False(member.Shape is StringShape { Sensitive: true }, $"{operation} logged the sensitive {property.Name}");
            Assert.NotEqual("grantTokens", property.Name);
        }
    }
}
