using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;

namespace Trent.Server.Tests.KeyManagement.Support;

/// <summary>Short forms of the calls the key management tests make over and over.</summary>
public static class KmsCalls
{
    public static async Task<KeyMetadata> NewKeyAsync(this IAmazonKeyManagementService kms, string? description = null) =>
        (await kms.CreateKeyAsync(new CreateKeyRequest { Description = description })).KeyMetadata;

    public static async Task<KeyMetadata> DescribeAsync(this IAmazonKeyManagementService kms, string keyId) =>
        (await kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = keyId })).KeyMetadata;

    public static Task<ScheduleKeyDeletionResponse> ScheduleDeletionAsync(this IAmazonKeyManagementService kms, string keyId, int? days = null) =>
        kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = keyId, PendingWindowInDays = days });

    public static Task CreateAliasAsync(this IAmazonKeyManagementService kms, string aliasName, string targetKeyId) =>
        kms.CreateAliasAsync(new CreateAliasRequest { AliasName = aliasName, TargetKeyId = targetKeyId });

    public static async Task<List<AliasListEntry>> AliasesOfAsync(this IAmazonKeyManagementService kms, string keyId) =>
        (await kms.ListAliasesAsync(new ListAliasesRequest { KeyId = keyId })).Aliases;

    public static async Task<List<Tag>> TagsOfAsync(this IAmazonKeyManagementService kms, string keyId) =>
        (await kms.ListResourceTagsAsync(new ListResourceTagsRequest { KeyId = keyId })).Tags;

    public static async Task<string> PolicyOfAsync(this IAmazonKeyManagementService kms, string keyId) =>
        (await kms.GetKeyPolicyAsync(new GetKeyPolicyRequest { KeyId = keyId })).Policy;

    /// <summary>Every key id ListKeys returns, following markers with the given page size.</summary>
    public static async Task<List<string>> AllKeyIdsAsync(this IAmazonKeyManagementService kms, int? limit = null)
    {
        var ids = new List<string>();
        string? marker = null;
        do
        {
            var page = await kms.ListKeysAsync(new ListKeysRequest { Limit = limit, Marker = marker });
            ids.AddRange(page.Keys.Select(k => k.KeyId));
            marker = page.Truncated == true ? page.NextMarker : null;
        }
        while (marker is not null);
        return ids;
    }

    /// <summary>Every alias ListAliases returns, following markers.</summary>
    public static async Task<List<AliasListEntry>> AllAliasesAsync(this IAmazonKeyManagementService kms, string? keyId = null, int? limit = null)
    {
        var aliases = new List<AliasListEntry>();
        string? marker = null;
        do
        {
            var page = await kms.ListAliasesAsync(new ListAliasesRequest { KeyId = keyId, Limit = limit, Marker = marker });
            aliases.AddRange(page.Aliases);
            marker = page.Truncated == true ? page.NextMarker : null;
        }
        while (marker is not null);
        return aliases;
    }

    public static string KeyArn(string account, string keyId, string region = "us-east-1") => $"arn:aws:kms:{region}:{account}:key/{keyId}";

    public static string AliasArn(string account, string aliasName, string region = "us-east-1") => $"arn:aws:kms:{region}:{account}:{aliasName}";

    /// <summary>A well-formed key id that names no key.</summary>
    public const string UnknownKeyId = "1234abcd-12ab-34cd-56ef-1234567890ab";
}
