using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.ScaleOut;

/// <summary>
/// Identities, access keys and key policies changed through one node are enforced by the other nodes on the very next
/// request, although those nodes hold the old state in their caches.
/// </summary>
[Collection(nameof(ThreeNodes))]
public sealed class CrossNodeIdentityTests(ThreeNodes nodes)
{
    private const string AllowKms = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}""";

    private TrentCluster Cluster => nodes.Cluster;

    [Fact]
    public async Task An_access_key_deactivated_on_one_node_is_refused_by_the_others_at_once_and_accepted_again_when_reactivated()
    {
        var name = "key-holder-" + Guid.NewGuid().ToString("N")[..8];
        var user = await Cluster.NewUserAsync(name, AllowKms);
        using var onB = Cluster[1].Kms(user.Keys);
        // B holds the access key in its cache, active.
        await onB.ListKeysAsync(new ListKeysRequest());

        await Cluster.Boto(0).IamAsync("UpdateAccessKey", new { UserName = name, AccessKeyId = user.Keys.AccessKeyId, Status = "Inactive" });

        var refused = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() => onB.ListKeysAsync(new ListKeysRequest()));
        Assert.Equal("UnrecognizedClientException", refused.ErrorCode);
        await Cluster.Boto(0).IamAsync("UpdateAccessKey", new { UserName = name, AccessKeyId = user.Keys.AccessKeyId, Status = "Active" });
        await onB.ListKeysAsync(new ListKeysRequest());
    }

    [Fact]
    public async Task An_inline_policy_put_or_deleted_on_one_node_takes_effect_on_the_others_at_once()
    {
        using var a = Cluster.Kms(0);
        var key = await a.CreateKeyAsync("used under an identity policy");
        var name = "policy-holder-" + Guid.NewGuid().ToString("N")[..8];
        var user = await Cluster.NewUserAsync(name);
        using var onB = Cluster[1].Kms(user.Keys);
        // B knows the user has no policies.
        await AccessDeniedAsync(() => onB.EncryptAsync(key.KeyId, "denied"));

        await Cluster.Boto(0).IamAsync("PutUserPolicy", new { UserName = name, PolicyName = "use", PolicyDocument = AllowKms });
        await onB.EncryptAsync(key.KeyId, "allowed");

        await Cluster.Boto(0).IamAsync("DeleteUserPolicy", new { UserName = name, PolicyName = "use" });
        await AccessDeniedAsync(() => onB.EncryptAsync(key.KeyId, "denied again"));
    }

    [Fact]
    public async Task A_key_policy_put_on_one_node_is_enforced_by_the_others_at_once()
    {
        using var a = Cluster.Kms(0);
        var key = await a.CreateKeyAsync("its policy changes on A");
        var user = await Cluster.NewUserAsync("key-user-" + Guid.NewGuid().ToString("N")[..8], AllowKms);
        using var onB = Cluster[1].Kms(user.Keys);
        // B holds the key with its default policy, which lets the user's identity policy count.
        await onB.EncryptAsync(key.KeyId, "allowed by the default policy");
        var policy = $$"""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{key.AWSAccountId}}:root"},"Action":"kms:*","Resource":"*"},
              {"Effect":"Deny","Principal":{"AWS":"{{user.Arn}}"},"Action":"kms:Encrypt","Resource":"*"}]}
            """;

        await a.PutKeyPolicyAsync(new PutKeyPolicyRequest { KeyId = key.KeyId, PolicyName = "default", Policy = policy });

        await AccessDeniedAsync(() => onB.EncryptAsync(key.KeyId, "denied by the new policy"));
        using var b = Cluster.Kms(1);
        Assert.Equal(policy, (await b.GetKeyPolicyAsync(new GetKeyPolicyRequest { KeyId = key.KeyId, PolicyName = "default" })).Policy);
    }

    private static async Task AccessDeniedAsync(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(call);
        Assert.Equal("AccessDeniedException", error.ErrorCode);
    }
}
