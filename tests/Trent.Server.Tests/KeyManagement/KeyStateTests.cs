using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.KeyManagement.Support;

namespace Trent.Server.Tests.KeyManagement;

/// <summary>The key-state table (§6.2) for the key management operations, with AWS's errors and messages.</summary>
public sealed class KeyStateTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:*","Resource":"*"}]}""";

    private readonly AmazonKeyManagementServiceClient _kms = shared.Kms;

    /// <summary>Operation, key state, and the error: null for success, else "pending deletion" or "not pending deletion".</summary>
    public static TheoryData<string, string, string?> Table => new()
    {
        { "EnableKey", "Enabled", null }, { "EnableKey", "Disabled", null }, { "EnableKey", "PendingDeletion", "pending deletion" },
        { "DisableKey", "Enabled", null }, { "DisableKey", "Disabled", null }, { "DisableKey", "PendingDeletion", "pending deletion" },
        { "UpdateKeyDescription", "Enabled", null }, { "UpdateKeyDescription", "Disabled", null }, { "UpdateKeyDescription", "PendingDeletion", "pending deletion" },
        { "TagResource", "Enabled", null }, { "TagResource", "Disabled", null }, { "TagResource", "PendingDeletion", "pending deletion" },
        { "UntagResource", "Enabled", null }, { "UntagResource", "Disabled", null }, { "UntagResource", "PendingDeletion", "pending deletion" },
        { "CreateAlias", "Enabled", null }, { "CreateAlias", "Disabled", null }, { "CreateAlias", "PendingDeletion", "pending deletion" },
        { "UpdateAlias to the key", "Enabled", null }, { "UpdateAlias to the key", "Disabled", null }, { "UpdateAlias to the key", "PendingDeletion", "pending deletion" },
        { "UpdateAlias away from the key", "Enabled", null }, { "UpdateAlias away from the key", "Disabled", null }, { "UpdateAlias away from the key", "PendingDeletion", null },
        { "DeleteAlias", "Enabled", null }, { "DeleteAlias", "Disabled", null }, { "DeleteAlias", "PendingDeletion", null },
        { "ScheduleKeyDeletion", "Enabled", null }, { "ScheduleKeyDeletion", "Disabled", null }, { "ScheduleKeyDeletion", "PendingDeletion", "pending deletion" },
        { "CancelKeyDeletion", "Enabled", "not pending deletion" }, { "CancelKeyDeletion", "Disabled", "not pending deletion" }, { "CancelKeyDeletion", "PendingDeletion", null },
        { "DescribeKey", "Enabled", null }, { "DescribeKey", "Disabled", null }, { "DescribeKey", "PendingDeletion", null },
        { "GetKeyPolicy", "Enabled", null }, { "GetKeyPolicy", "Disabled", null }, { "GetKeyPolicy", "PendingDeletion", null },
        { "PutKeyPolicy", "Enabled", null }, { "PutKeyPolicy", "Disabled", null }, { "PutKeyPolicy", "PendingDeletion", null },
        { "ListKeyPolicies", "Enabled", null }, { "ListKeyPolicies", "Disabled", null }, { "ListKeyPolicies", "PendingDeletion", null },
        { "ListResourceTags", "Enabled", null }, { "ListResourceTags", "Disabled", null }, { "ListResourceTags", "PendingDeletion", null },
        { "ListAliases", "Enabled", null }, { "ListAliases", "Disabled", null }, { "ListAliases", "PendingDeletion", null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task The_operation_in_the_key_state_succeeds_or_returns_KMSInvalidStateException_as_AWS_does(string operation, string state, string? error)
    {
        var key = await _kms.NewKeyAsync();
        var alias = $"alias/state-{Guid.NewGuid():N}";
        await _kms.CreateAliasAsync(alias, key.KeyId);
        await _kms.TagResourceAsync(new TagResourceRequest { KeyId = key.KeyId, Tags = [new Tag { TagKey = "t", TagValue = "v" }] });
        var other = await _kms.NewKeyAsync();
        await PutInStateAsync(key.KeyId, state);

        Task Call() => CallAsync(operation, key, other, alias);

        if (error is null)
        {
            await Call();
            await AssertEffectAsync(operation, state, key, other, alias);
        }
        else
        {
            await Expect.Error<KMSInvalidStateException>(Call, $"{key.Arn} is {error}.");
            Assert.Equal(new KeyState(state), (await _kms.DescribeAsync(key.KeyId)).KeyState);
        }
    }

    [Fact]
    public async Task DisableKey_makes_the_key_Disabled_with_Enabled_false()
    {
        var key = await _kms.NewKeyAsync();

        await _kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });

        var described = await _kms.DescribeAsync(key.KeyId);
        Assert.Equal(KeyState.Disabled, described.KeyState);
        Assert.False(described.Enabled);
    }

    [Fact]
    public async Task EnableKey_after_DisableKey_makes_the_key_Enabled_again_with_Enabled_true()
    {
        var key = await _kms.NewKeyAsync();
        await _kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });

        await _kms.EnableKeyAsync(new EnableKeyRequest { KeyId = key.KeyId });

        var described = await _kms.DescribeAsync(key.KeyId);
        Assert.Equal(KeyState.Enabled, described.KeyState);
        Assert.True(described.Enabled);
        Assert.Equal(key.CurrentKeyMaterialId, described.CurrentKeyMaterialId);
    }

    [Fact]
    public async Task DisableKey_twice_and_EnableKey_twice_are_idempotent()
    {
        var key = await _kms.NewKeyAsync();

        await _kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });
        await _kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });
        Assert.Equal(KeyState.Disabled, (await _kms.DescribeAsync(key.KeyId)).KeyState);

        await _kms.EnableKeyAsync(new EnableKeyRequest { KeyId = key.KeyId });
        await _kms.EnableKeyAsync(new EnableKeyRequest { KeyId = key.KeyId });
        Assert.Equal(KeyState.Enabled, (await _kms.DescribeAsync(key.KeyId)).KeyState);
    }

    [Fact]
    public async Task Changing_the_key_state_leaves_description_tags_policy_and_aliases_alone()
    {
        var key = await _kms.NewKeyAsync("stays");
        var alias = $"alias/stays-{Guid.NewGuid():N}";
        await _kms.CreateAliasAsync(alias, key.KeyId);
        await _kms.TagResourceAsync(new TagResourceRequest { KeyId = key.KeyId, Tags = [new Tag { TagKey = "k", TagValue = "v" }] });
        await _kms.PutKeyPolicyAsync(new PutKeyPolicyRequest { KeyId = key.KeyId, Policy = Policy });

        await _kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });
        await _kms.ScheduleDeletionAsync(key.KeyId);
        await _kms.CancelKeyDeletionAsync(new CancelKeyDeletionRequest { KeyId = key.KeyId });
        await _kms.EnableKeyAsync(new EnableKeyRequest { KeyId = key.KeyId });

        var described = await _kms.DescribeAsync(alias);
        Assert.Equal(key.KeyId, described.KeyId);
        Assert.Equal("stays", described.Description);
        Assert.Equal("v", Assert.Single(await _kms.TagsOfAsync(key.KeyId)).TagValue);
        Assert.Equal(Policy, await _kms.PolicyOfAsync(key.KeyId));
        Assert.Equal(alias, Assert.Single(await _kms.AliasesOfAsync(key.KeyId)).AliasName);
    }

    private async Task PutInStateAsync(string keyId, string state)
    {
        switch (state)
        {
            case "Disabled":
                await _kms.DisableKeyAsync(new DisableKeyRequest { KeyId = keyId });
                break;
            case "PendingDeletion":
                await _kms.ScheduleDeletionAsync(keyId);
                break;
        }
        Assert.Equal(new KeyState(state), (await _kms.DescribeAsync(keyId)).KeyState);
    }

    private async Task CallAsync(string operation, KeyMetadata key, KeyMetadata other, string alias)
    {
        var id = key.KeyId;
        switch (operation)
        {
            case "EnableKey":
                await _kms.EnableKeyAsync(new EnableKeyRequest { KeyId = id });
                break;
            case "DisableKey":
                await _kms.DisableKeyAsync(new DisableKeyRequest { KeyId = id });
                break;
            case "UpdateKeyDescription":
                await _kms.UpdateKeyDescriptionAsync(new UpdateKeyDescriptionRequest { KeyId = id, Description = "new" });
                break;
            case "TagResource":
                await _kms.TagResourceAsync(new TagResourceRequest { KeyId = id, Tags = [new Tag { TagKey = "t2", TagValue = "v2" }] });
                break;
            case "UntagResource":
                await _kms.UntagResourceAsync(new UntagResourceRequest { KeyId = id, TagKeys = ["t"] });
                break;
            case "CreateAlias":
                await _kms.CreateAliasAsync(alias + "-second", id);
                break;
            case "UpdateAlias to the key":
                var toKey = alias + "-to";
                await _kms.CreateAliasAsync(toKey, other.KeyId);
                await _kms.UpdateAliasAsync(new UpdateAliasRequest { AliasName = toKey, TargetKeyId = id });
                break;
            case "UpdateAlias away from the key":
                await _kms.UpdateAliasAsync(new UpdateAliasRequest { AliasName = alias, TargetKeyId = other.KeyId });
                break;
            case "DeleteAlias":
                await _kms.DeleteAliasAsync(new DeleteAliasRequest { AliasName = alias });
                break;
            case "ScheduleKeyDeletion":
                await _kms.ScheduleDeletionAsync(id, 10);
                break;
            case "CancelKeyDeletion":
                await _kms.CancelKeyDeletionAsync(new CancelKeyDeletionRequest { KeyId = id });
                break;
            case "DescribeKey":
                await _kms.DescribeAsync(id);
                break;
            case "GetKeyPolicy":
                await _kms.GetKeyPolicyAsync(new GetKeyPolicyRequest { KeyId = id });
                break;
            case "PutKeyPolicy":
                await _kms.PutKeyPolicyAsync(new PutKeyPolicyRequest { KeyId = id, Policy = Policy });
                break;
            case "ListKeyPolicies":
                await _kms.ListKeyPoliciesAsync(new ListKeyPoliciesRequest { KeyId = id });
                break;
            case "ListResourceTags":
                await _kms.ListResourceTagsAsync(new ListResourceTagsRequest { KeyId = id });
                break;
            case "ListAliases":
                await _kms.ListAliasesAsync(new ListAliasesRequest { KeyId = id });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, null);
        }
    }

    private async Task AssertEffectAsync(string operation, string state, KeyMetadata key, KeyMetadata other, string alias)
    {
        var now = await _kms.DescribeAsync(key.KeyId);
        switch (operation)
        {
            case "EnableKey":
                Assert.Equal(KeyState.Enabled, now.KeyState);
                return;
            case "DisableKey":
            case "CancelKeyDeletion":
                Assert.Equal(KeyState.Disabled, now.KeyState);
                Assert.Null(now.DeletionDate);
                return;
            case "ScheduleKeyDeletion":
                Assert.Equal(KeyState.PendingDeletion, now.KeyState);
                return;
            case "UpdateKeyDescription":
                Assert.Equal("new", now.Description);
                break;
            case "TagResource":
                Assert.Equal(["t", "t2"], (await _kms.TagsOfAsync(key.KeyId)).Select(t => t.TagKey));
                break;
            case "UntagResource":
                Assert.Empty(await _kms.TagsOfAsync(key.KeyId));
                break;
            case "CreateAlias":
                Assert.Equal([alias, alias + "-second"], (await _kms.AliasesOfAsync(key.KeyId)).Select(a => a.AliasName));
                break;
            case "UpdateAlias to the key":
                Assert.Equal([alias, alias + "-to"], (await _kms.AliasesOfAsync(key.KeyId)).Select(a => a.AliasName));
                break;
            case "UpdateAlias away from the key":
                Assert.Empty(await _kms.AliasesOfAsync(key.KeyId));
                Assert.Equal(other.KeyId, (await _kms.DescribeAsync(alias)).KeyId);
                break;
            case "DeleteAlias":
                Assert.Empty(await _kms.AliasesOfAsync(key.KeyId));
                break;
            case "PutKeyPolicy":
                Assert.Equal(Policy, await _kms.PolicyOfAsync(key.KeyId));
                break;
        }
        // Everything but the state operations leaves the state as it was.
        Assert.Equal(new KeyState(state), now.KeyState);
    }
}
