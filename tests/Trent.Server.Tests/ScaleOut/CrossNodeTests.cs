using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.ScaleOut;

/// <summary>
/// Read-your-writes across nodes, as Terraform's consistency checks expect: whatever one node acknowledged, every
/// other node serves that way on the very next request, even with the old state in its cache.
/// </summary>
[Collection(nameof(ThreeNodes))]
public sealed class CrossNodeTests(ThreeNodes nodes)
{
    private TrentCluster Cluster => nodes.Cluster;

    [Fact]
    public async Task A_key_created_on_one_node_is_used_on_the_others_at_once()
    {
        using var a = Cluster.Kms(0);
        using var b = Cluster.Kms(1);
        using var c = Cluster.Kms(2);

        var key = await a.CreateKeyAsync("made on A");
        await a.CreateAliasAsync(new CreateAliasRequest { AliasName = "alias/made-on-a-" + key.KeyId[..8], TargetKeyId = key.KeyId });
        var blob = await b.EncryptAsync(key.KeyId, "hello from B");

        Assert.Equal("hello from B", Text((await c.DecryptAsync(blob)).Plaintext));
        Assert.Equal(key.Arn, (await c.DescribeAsync("alias/made-on-a-" + key.KeyId[..8])).Arn);
    }

    [Fact]
    public async Task A_key_disabled_on_one_node_is_refused_by_the_others_at_once_and_enabled_again_as_fast()
    {
        using var a = Cluster.Kms(0);
        using var b = Cluster.Kms(1);
        var key = await a.CreateKeyAsync();
        // B holds the key in its cache, enabled.
        await b.EncryptAsync(key.KeyId, "warm");

        await a.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });

        await Assert.ThrowsAsync<DisabledException>(() => b.EncryptAsync(key.KeyId, "refused"));
        await b.EnableKeyAsync(new EnableKeyRequest { KeyId = key.KeyId });
        await a.EncryptAsync(key.KeyId, "allowed again");
    }

    [Fact]
    public async Task A_key_rotated_on_one_node_is_encrypted_under_the_new_material_by_the_others_and_old_ciphertexts_still_decrypt()
    {
        using var a = Cluster.Kms(0);
        using var b = Cluster.Kms(1);
        using var c = Cluster.Kms(2);
        var key = await a.CreateKeyAsync();
        var before = await b.EncryptAsync(key.KeyId, "before");
        await c.EncryptAsync(key.KeyId, "warm C too");

        await a.RotateKeyOnDemandAsync(new RotateKeyOnDemandRequest { KeyId = key.KeyId });
        var afterOnB = await b.EncryptAsync(key.KeyId, "after");
        var afterOnA = await a.EncryptAsync(key.KeyId, "after");

        Assert.NotEqual(MaterialId(before), MaterialId(afterOnB));
        Assert.Equal(MaterialId(afterOnA), MaterialId(afterOnB));
        Assert.Equal("before", Text((await c.DecryptAsync(before)).Plaintext));
        Assert.Equal("after", Text((await c.DecryptAsync(afterOnB)).Plaintext));
    }

    [Fact]
    public async Task A_grant_created_on_one_node_works_with_its_token_on_another_at_once_and_stops_when_revoked()
    {
        using var a = Cluster.Kms(0);
        var key = await a.CreateKeyAsync();
        var user = await Cluster.NewUserAsync("grantee-" + Guid.NewGuid().ToString("N")[..8]);
        using var asUserOnB = Cluster[1].Kms(user.Keys);
        // B knows the key (and that it has no grants) before the grant exists.
        await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() => asUserOnB.EncryptAsync(key.KeyId, "denied"));

        var grant = await a.CreateGrantAsync(new CreateGrantRequest { KeyId = key.KeyId, GranteePrincipal = user.Arn, Operations = ["Encrypt"] });
        await asUserOnB.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = Utf8("granted"), GrantTokens = [grant.GrantToken] });
        await asUserOnB.EncryptAsync(key.KeyId, "granted without the token, now that B knows the grant");

        await a.RevokeGrantAsync(new RevokeGrantRequest { KeyId = key.KeyId, GrantId = grant.GrantId });
        await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() => asUserOnB.EncryptAsync(key.KeyId, "revoked"));
    }

    [Fact]
    public async Task Concurrent_UpdateAlias_calls_on_two_nodes_end_with_every_node_agreeing_on_the_last_committed_target()
    {
        using var a = Cluster.Kms(0);
        using var b = Cluster.Kms(1);
        using var c = Cluster.Kms(2);
        var first = await a.CreateKeyAsync();
        var second = await a.CreateKeyAsync();
        var alias = "alias/contended-" + first.KeyId[..8];
        await a.CreateAliasAsync(new CreateAliasRequest { AliasName = alias, TargetKeyId = first.KeyId });
        await Task.WhenAll(Cluster.Nodes.Take(3).Select((_, i) => Cluster.Kms(i).EncryptAsync(alias, "warm every alias cache")));

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? a : b).UpdateAliasAsync(new UpdateAliasRequest { AliasName = alias, TargetKeyId = i % 2 == 0 ? first.KeyId : second.KeyId })));

        var committed = (await c.ListAliasesAsync(new ListAliasesRequest { Limit = 100 })).Aliases.Single(x => x.AliasName == alias).TargetKeyId;
        foreach (var kms in new[] { a, b, c })
        {
            Assert.Equal(committed, (await kms.DescribeAsync(alias)).KeyId);
            Assert.Equal(committed, (await kms.DecryptAsync(await kms.EncryptAsync(alias, "x"))).KeyId.Split('/')[^1]);
        }
    }

    [Fact]
    public async Task Tags_and_policy_changed_on_one_node_are_read_back_from_another_at_once()
    {
        using var a = Cluster.Kms(0);
        using var b = Cluster.Kms(1);
        var key = await a.CreateKeyAsync();
        await b.DescribeAsync(key.KeyId);

        await a.TagResourceAsync(new TagResourceRequest { KeyId = key.KeyId, Tags = [new Tag { TagKey = "team", TagValue = "payments" }] });
        await a.UpdateKeyDescriptionAsync(new UpdateKeyDescriptionRequest { KeyId = key.KeyId, Description = "changed on A" });

        Assert.Equal("payments", (await b.ListResourceTagsAsync(new ListResourceTagsRequest { KeyId = key.KeyId })).Tags.Single().TagValue);
        Assert.Equal("changed on A", (await b.DescribeAsync(key.KeyId)).Description);
    }

    [Fact]
    public async Task A_node_started_with_another_root_key_refuses_to_serve_with_a_clear_error()
    {
        var otherKey = Cluster.NewFile("other-" + Guid.NewGuid().ToString("N")[..8] + ".key",
            Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) + "\n");

        var node = await Cluster.AddNodeAsync(otherKey);

        Assert.True(node.HasExited);
        Assert.Equal(2, node.ExitCode);
        Assert.Contains("does not match the one the PostgreSQL database", node.Output, StringComparison.Ordinal);
    }

    /// <summary>The material id in a symmetric ciphertext: after the format byte, the account, and the length-prefixed key id.</summary>
    internal static string MaterialId(MemoryStream blob)
    {
        var bytes = blob.ToArray();
        var at = 1 + 12 + 1 + bytes[13];
        return Convert.ToHexString(bytes, at, 32);
    }
}
