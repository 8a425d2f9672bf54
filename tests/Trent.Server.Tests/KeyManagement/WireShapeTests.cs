using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.KeyManagement.Support;

namespace Trent.Server.Tests.KeyManagement;

/// <summary>What goes on the wire beyond what the SDK's typed responses show: empty bodies and error bodies.</summary>
public sealed class WireShapeTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private readonly WireRecorder _recorder = new();

    [Fact]
    public async Task Operations_without_an_output_shape_answer_200_with_an_empty_body()
    {
        using var kms = shared.Server.KmsRecording(_recorder);
        var key = await kms.NewKeyAsync();
        var other = await kms.NewKeyAsync();
        var alias = $"alias/wire-{Guid.NewGuid():N}";
        var calls = new (string Target, Func<Task> Call)[]
        {
            ("TrentService.DisableKey", () => kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId })),
            ("TrentService.EnableKey", () => kms.EnableKeyAsync(new EnableKeyRequest { KeyId = key.KeyId })),
            ("TrentService.UpdateKeyDescription", () => kms.UpdateKeyDescriptionAsync(new UpdateKeyDescriptionRequest { KeyId = key.KeyId, Description = "d" })),
            ("TrentService.TagResource", () => kms.TagResourceAsync(new TagResourceRequest { KeyId = key.KeyId, Tags = [new Tag { TagKey = "a", TagValue = "b" }] })),
            ("TrentService.UntagResource", () => kms.UntagResourceAsync(new UntagResourceRequest { KeyId = key.KeyId, TagKeys = ["a"] })),
            ("TrentService.PutKeyPolicy", () => kms.PutKeyPolicyAsync(new PutKeyPolicyRequest { KeyId = key.KeyId, Policy = Trent.Core.Keys.DefaultKeyPolicy.For("aws", key.AWSAccountId) })),
            ("TrentService.CreateAlias", () => kms.CreateAliasAsync(alias, key.KeyId)),
            ("TrentService.UpdateAlias", () => kms.UpdateAliasAsync(new UpdateAliasRequest { AliasName = alias, TargetKeyId = other.KeyId })),
            ("TrentService.DeleteAlias", () => kms.DeleteAliasAsync(new DeleteAliasRequest { AliasName = alias })),
        };

        foreach (var (target, call) in calls)
        {
            await call();
            var exchange = _recorder.Last;
            Assert.Equal(target, exchange.Target);
            Assert.Equal(200, exchange.Status);
            Assert.Equal("", exchange.Body);
            Assert.Equal(0, exchange.ContentLength);
        }
    }

    [Fact]
    public async Task ScheduleKeyDeletion_and_CancelKeyDeletion_answer_exactly_their_output_members()
    {
        using var kms = shared.Server.KmsRecording(_recorder);
        var key = await kms.NewKeyAsync();

        await kms.ScheduleDeletionAsync(key.KeyId, 7);
        var scheduled = _recorder.Last.Json;
        await kms.CancelKeyDeletionAsync(new CancelKeyDeletionRequest { KeyId = key.KeyId });
        var cancelled = _recorder.Last.Json;

        Assert.Equal(["DeletionDate", "KeyId", "KeyState", "PendingWindowInDays"], scheduled.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(7, scheduled.GetProperty("PendingWindowInDays").GetInt32());
        Assert.Equal($$"""{"KeyId":"{{key.Arn}}"}""", cancelled.GetRawText());
    }

    [Fact]
    public async Task GetKeyPolicy_and_ListKeyPolicies_answer_exactly_their_output_members()
    {
        using var kms = shared.Server.KmsRecording(_recorder);
        var key = await kms.NewKeyAsync();

        await kms.GetKeyPolicyAsync(new GetKeyPolicyRequest { KeyId = key.KeyId });
        var policy = _recorder.Last.Json;
        await kms.ListKeyPoliciesAsync(new ListKeyPoliciesRequest { KeyId = key.KeyId });

        Assert.Equal(["Policy", "PolicyName"], policy.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("""{"PolicyNames":["default"],"Truncated":false}""", _recorder.Last.Body);
    }

    [Fact]
    public async Task A_modeled_error_carries_its_type_and_a_lowercase_message_member()
    {
        using var kms = shared.Server.KmsRecording(_recorder);

        await Assert.ThrowsAsync<NotFoundException>(() => kms.DescribeAsync(KmsCalls.UnknownKeyId));

        var body = _recorder.Last.Json;
        Assert.Equal(400, _recorder.Last.Status);
        Assert.Equal(["__type", "message"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("NotFoundException", body.GetProperty("__type").GetString());
        Assert.Equal($"Key '{KmsCalls.KeyArn(shared.Account, KmsCalls.UnknownKeyId)}' does not exist", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ListAliases_entries_carry_exactly_name_ARN_target_and_both_dates()
    {
        using var kms = shared.Server.KmsRecording(_recorder);
        var key = await kms.NewKeyAsync();
        await kms.CreateAliasAsync($"alias/entry-{Guid.NewGuid():N}", key.KeyId);

        await kms.ListAliasesAsync(new ListAliasesRequest { KeyId = key.KeyId });
        var entry = _recorder.Last.Json.GetProperty("Aliases")[0];

        Assert.Equal(
            ["AliasArn", "AliasName", "CreationDate", "LastUpdatedDate", "TargetKeyId"],
            entry.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(System.Text.Json.JsonValueKind.Number, entry.GetProperty("CreationDate").ValueKind);
    }
}
