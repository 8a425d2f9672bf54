using Amazon.KeyManagementService.Model;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.ScaleOut;

/// <summary>
/// Writers on different nodes changing the same thing at once: optimistic concurrency serializes them, so every
/// acknowledged change survives, and a writer that loses a race gets AWS's error.
/// </summary>
[Collection(nameof(ThreeNodes))]
public sealed class ConcurrentWriterTests(ThreeNodes nodes)
{
    private TrentCluster Cluster => nodes.Cluster;

    [Fact]
    public async Task Tags_added_to_one_key_at_once_on_two_nodes_are_all_kept()
    {
        using var a = Cluster.Kms(0);
        using var b = Cluster.Kms(1);
        using var c = Cluster.Kms(2);
        var key = await a.CreateKeyAsync("tagged from two nodes at once");

        // Each TagResource rewrites the key row; a lost update would drop another writer's tag.
        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => (i % 2 == 0 ? a : b).TagResourceAsync(new TagResourceRequest
        {
            KeyId = key.KeyId,
            Tags = [new Tag { TagKey = $"tag-{i:00}", TagValue = $"value-{i}" }],
        })));

        var tags = (await c.ListResourceTagsAsync(new ListResourceTagsRequest { KeyId = key.KeyId, Limit = 50 })).Tags;
        Assert.Equal(Enumerable.Range(0, 24).Select(i => $"tag-{i:00}"), tags.Select(t => t.TagKey).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Of_one_alias_created_at_once_on_two_nodes_exactly_one_wins_and_the_others_get_AlreadyExistsException()
    {
        using var a = Cluster.Kms(0);
        using var b = Cluster.Kms(1);
        var keys = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => a.CreateKeyAsync("alias candidate")));
        var alias = "alias/raced-" + Guid.NewGuid().ToString("N")[..8];

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            try
            {
                await (i % 2 == 0 ? a : b).CreateAliasAsync(new CreateAliasRequest { AliasName = alias, TargetKeyId = keys[i % 2].KeyId });
                return keys[i % 2].KeyId;
            }
            catch (AlreadyExistsException)
            {
                return null;
            }
        }));

        var winner = Assert.Single(outcomes, o => o is not null);
        Assert.Equal(winner, (await b.DescribeAsync(alias)).KeyId);
        Assert.Equal(winner, (await a.DescribeAsync(alias)).KeyId);
    }
}
