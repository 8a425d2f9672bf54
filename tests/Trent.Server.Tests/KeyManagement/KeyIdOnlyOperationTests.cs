using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.KeyManagement.Support;

namespace Trent.Server.Tests.KeyManagement;

/// <summary>
/// The operations that take only a key id or key ARN (§3.1): each accepts both, refuses an alias name or alias ARN
/// even when the alias exists, and answers AWS's NotFound messages for malformed, unknown and foreign-region ids.
/// </summary>
public sealed class KeyIdOnlyOperationTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private readonly AmazonKeyManagementServiceClient _kms = shared.Kms;

    public static TheoryData<string> Operations =>
    [
        "EnableKey", "DisableKey", "UpdateKeyDescription", "ScheduleKeyDeletion", "CancelKeyDeletion",
        "TagResource", "UntagResource", "ListResourceTags", "GetKeyPolicy", "PutKeyPolicy", "ListKeyPolicies",
        "CreateAlias", "UpdateAlias", "ListAliases",
    ];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task The_operation_accepts_a_key_id(string operation)
    {
        var key = await ReadyKeyAsync(operation);
        await CallAsync(operation, key.KeyId);
        await AssertTookEffectAsync(operation, key);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task The_operation_accepts_a_key_ARN(string operation)
    {
        var key = await ReadyKeyAsync(operation);
        await CallAsync(operation, key.Arn);
        await AssertTookEffectAsync(operation, key);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task The_operation_refuses_an_existing_alias_name_with_InvalidArnException(string operation)
    {
        var alias = "alias/only-ids-" + Guid.NewGuid().ToString("N");
        await ReadyKeyAsync(operation, alias);

        await ExpectAliasRefusedAsync(operation, alias);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task The_operation_refuses_an_existing_alias_ARN_with_InvalidArnException(string operation)
    {
        var alias = "alias/only-ids-" + Guid.NewGuid().ToString("N");
        await ReadyKeyAsync(operation, alias);
        var aliasArn = KmsCalls.AliasArn(shared.Account, alias);

        await ExpectAliasRefusedAsync(operation, aliasArn);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task The_operation_with_a_malformed_key_id_returns_NotFoundException_Invalid_keyId(string operation)
    {
        await Expect.Error<NotFoundException>(() => CallAsync(operation, "fake-key-id"), "Invalid keyId 'fake-key-id'");
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task The_operation_with_an_unknown_key_id_returns_NotFoundException_with_the_key_ARN(string operation)
    {
        await Expect.Error<NotFoundException>(
            () => CallAsync(operation, KmsCalls.UnknownKeyId),
            $"Key '{KmsCalls.KeyArn(shared.Account, KmsCalls.UnknownKeyId)}' does not exist");
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task The_operation_with_a_key_ARN_of_another_region_returns_NotFoundException_Invalid_arn(string operation)
    {
        var key = await ReadyKeyAsync(operation);
        await Expect.Error<NotFoundException>(
            () => CallAsync(operation, KmsCalls.KeyArn(shared.Account, key.KeyId, "eu-west-1")), "Invalid arn eu-west-1");
    }

    /// <summary>
    /// A key in the state in which the operation succeeds (CancelKeyDeletion needs one pending deletion), with
    /// <paramref name="alias"/> pointing at it.
    /// </summary>
    private async Task<KeyMetadata> ReadyKeyAsync(string operation, string? alias = null)
    {
        var key = await _kms.NewKeyAsync();
        if (alias is not null)
        {
            await _kms.CreateAliasAsync(alias, key.KeyId);
        }
        if (operation == "CancelKeyDeletion")
        {
            await _kms.ScheduleDeletionAsync(key.KeyId);
        }
        if (operation == "UntagResource")
        {
            await _kms.TagResourceAsync(new TagResourceRequest { KeyId = key.KeyId, Tags = [new Tag { TagKey = "t", TagValue = "v" }] });
        }
        return key;
    }

    private string AliasFor(string operation) => $"alias/{operation}-{Guid.NewGuid():N}";

    private async Task CallAsync(string operation, string keyId)
    {
        switch (operation)
        {
            case "EnableKey":
                await _kms.EnableKeyAsync(new EnableKeyRequest { KeyId = keyId });
                break;
            case "DisableKey":
                await _kms.DisableKeyAsync(new DisableKeyRequest { KeyId = keyId });
                break;
            case "UpdateKeyDescription":
                await _kms.UpdateKeyDescriptionAsync(new UpdateKeyDescriptionRequest { KeyId = keyId, Description = "updated" });
                break;
            case "ScheduleKeyDeletion":
                await _kms.ScheduleDeletionAsync(keyId, 7);
                break;
            case "CancelKeyDeletion":
                await _kms.CancelKeyDeletionAsync(new CancelKeyDeletionRequest { KeyId = keyId });
                break;
            case "TagResource":
                await _kms.TagResourceAsync(new TagResourceRequest { KeyId = keyId, Tags = [new Tag { TagKey = "added", TagValue = "yes" }] });
                break;
            case "UntagResource":
                await _kms.UntagResourceAsync(new UntagResourceRequest { KeyId = keyId, TagKeys = ["t"] });
                break;
            case "ListResourceTags":
                await _kms.ListResourceTagsAsync(new ListResourceTagsRequest { KeyId = keyId });
                break;
            case "GetKeyPolicy":
                await _kms.GetKeyPolicyAsync(new GetKeyPolicyRequest { KeyId = keyId });
                break;
            case "PutKeyPolicy":
                await _kms.PutKeyPolicyAsync(new PutKeyPolicyRequest { KeyId = keyId, Policy = ReplacementPolicy });
                break;
            case "ListKeyPolicies":
                await _kms.ListKeyPoliciesAsync(new ListKeyPoliciesRequest { KeyId = keyId });
                break;
            case "CreateAlias":
                await _kms.CreateAliasAsync(AliasFor(operation), keyId);
                break;
            case "UpdateAlias":
                // The alias exists and points at a fresh key; the identifier under test is the new target.
                var alias = AliasFor(operation);
                await _kms.CreateAliasAsync(alias, (await _kms.NewKeyAsync()).KeyId);
                await _kms.UpdateAliasAsync(new UpdateAliasRequest { AliasName = alias, TargetKeyId = keyId });
                break;
            case "ListAliases":
                await _kms.ListAliasesAsync(new ListAliasesRequest { KeyId = keyId });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, null);
        }
    }

    private const string ReplacementPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:*","Resource":"*"}]}""";

    /// <summary>Proves the call reached the key named by the accepted identifier.</summary>
    private async Task AssertTookEffectAsync(string operation, KeyMetadata key)
    {
        var now = await _kms.DescribeAsync(key.KeyId);
        switch (operation)
        {
            case "EnableKey":
                Assert.Equal(KeyState.Enabled, now.KeyState);
                break;
            case "DisableKey":
            case "CancelKeyDeletion":
                Assert.Equal(KeyState.Disabled, now.KeyState);
                break;
            case "UpdateKeyDescription":
                Assert.Equal("updated", now.Description);
                break;
            case "ScheduleKeyDeletion":
                Assert.Equal(KeyState.PendingDeletion, now.KeyState);
                break;
            case "TagResource":
                Assert.Contains(await _kms.TagsOfAsync(key.KeyId), t => t.TagKey == "added");
                break;
            case "UntagResource":
                Assert.Empty(await _kms.TagsOfAsync(key.KeyId));
                break;
            case "PutKeyPolicy":
                Assert.Equal(ReplacementPolicy, await _kms.PolicyOfAsync(key.KeyId));
                break;
            case "CreateAlias":
            case "UpdateAlias":
                Assert.Single(await _kms.AliasesOfAsync(key.KeyId));
                break;
            default:
                // Reads change nothing; they succeeded without an error.
                Assert.Equal(KeyState.Enabled, now.KeyState);
                break;
        }
    }

    // CreateAlias and UpdateAlias do not model InvalidArnException, so the SDK raises its base exception for them.
    private Task ExpectAliasRefusedAsync(string operation, string alias) =>
        operation is "CreateAlias" or "UpdateAlias"
            ? Expect.Unmodeled(() => CallAsync(operation, alias), "InvalidArnException", "Key Aliases are not supported for this operation.")
            : Expect.Error<InvalidArnException>(() => CallAsync(operation, alias), "Key Aliases are not supported for this operation.");
}
