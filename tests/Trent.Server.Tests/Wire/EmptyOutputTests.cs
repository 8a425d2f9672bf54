using System.Text.Json;

namespace Trent.Server.Tests.Wire;

/// <summary>Operations without an output shape answer 200 with an empty body and <c>Content-Length: 0</c>.</summary>
public sealed class EmptyOutputTests(DevServerFixture fx) : IClassFixture<DevServerFixture>
{
    [Fact]
    public async Task Every_implemented_operation_without_an_output_shape_answers_an_empty_200()
    {
        var wire = fx.Wire;
        var keyId = (await wire.CallAsync("CreateKey", "{}")).GetProperty("KeyMetadata").GetProperty("KeyId").GetString()!;
        var otherKeyId = (await wire.CallAsync("CreateKey", "{}")).GetProperty("KeyMetadata").GetProperty("KeyId").GetString()!;
        var alias = "alias/empty-output-" + Guid.NewGuid().ToString("N");
        var policy = (await wire.CallAsync("GetKeyPolicy", Json(new { KeyId = keyId, PolicyName = "default" }))).GetProperty("Policy").GetString();
        var account = (await wire.CallAsync("DescribeKey", Json(new { KeyId = keyId }))).GetProperty("KeyMetadata").GetProperty("AWSAccountId").GetString();
        var grant = Json(new { KeyId = keyId, GranteePrincipal = $"arn:aws:iam::{account}:root", Operations = new[] { "Decrypt" } });
        var retired = await wire.CallAsync("CreateGrant", grant);
        var revoked = await wire.CallAsync("CreateGrant", grant);
        // In an order that keeps each call valid; the set is checked against the model below.
        (string Operation, string Body)[] calls =
        [
            ("DisableKey", Json(new { KeyId = keyId })),
            ("EnableKey", Json(new { KeyId = keyId })),
            ("EnableKeyRotation", Json(new { KeyId = keyId })),
            ("DisableKeyRotation", Json(new { KeyId = keyId })),
            ("CreateAlias", Json(new { AliasName = alias, TargetKeyId = keyId })),
            ("UpdateAlias", Json(new { AliasName = alias, TargetKeyId = otherKeyId })),
            ("DeleteAlias", Json(new { AliasName = alias })),
            ("TagResource", Json(new { KeyId = keyId, Tags = new[] { new { TagKey = "team", TagValue = "wire" } } })),
            ("UntagResource", Json(new { KeyId = keyId, TagKeys = new[] { "team" } })),
            ("UpdateKeyDescription", Json(new { KeyId = keyId, Description = "described" })),
            ("PutKeyPolicy", Json(new { KeyId = keyId, PolicyName = "default", Policy = policy })),
            ("RetireGrant", Json(new { GrantToken = retired.GetProperty("GrantToken").GetString() })),
            ("RevokeGrant", Json(new { KeyId = keyId, GrantId = revoked.GetProperty("GrantId").GetString() })),
        ];

        Assert.Equal(KmsModel.WithoutOutput.Order(), calls.Select(c => c.Operation).Order());
        foreach (var (operation, body) in calls)
        {
            var response = await wire.SendAsync(operation, body);
            Assert.True(response.Status == 200, $"{operation}: {response}");
            Assert.True(response.Body.Length == 0, $"{operation} answered a body: {response.Text}");
            Assert.Equal("0", response.Header("Content-Length"));
            Assert.Equal(KmsWire.ContentType, response.Header("Content-Type"));
        }
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
