using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.KeyManagement.Support;

namespace Trent.Server.Tests.KeyManagement;

/// <summary>Concurrent changes to one key or one alias name: none is lost and exactly one creator wins.</summary>
public sealed class ConcurrencyTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const int Writers = 48;

    private readonly AmazonKeyManagementServiceClient _kms = shared.Kms;

    [Fact]
    public async Task Concurrent_TagResource_calls_on_one_key_all_take_effect()
    {
        var key = await _kms.NewKeyAsync();

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(i =>
            _kms.TagResourceAsync(new TagResourceRequest { KeyId = key.KeyId, Tags = [new Tag { TagKey = $"t{i:D2}", TagValue = "v" }] })));

        var tags = await _kms.TagsOfAsync(key.KeyId);
        Assert.Equal(Enumerable.Range(0, Writers).Select(i => $"t{i:D2}"), tags.Select(t => t.TagKey).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Many_concurrent_state_changes_on_one_key_all_succeed()
    {
        var key = await _kms.NewKeyAsync();

        await Task.WhenAll(Enumerable.Range(0, 100).Select<int, Task>(i => i % 2 == 0
            ? _kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId })
            : _kms.UpdateKeyDescriptionAsync(new UpdateKeyDescriptionRequest { KeyId = key.KeyId, Description = $"d{i}" })));

        var described = await _kms.DescribeAsync(key.KeyId);
        Assert.Equal(KeyState.Disabled, described.KeyState);
        Assert.StartsWith("d", described.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_CreateAlias_calls_for_one_name_let_exactly_one_succeed()
    {
        var keys = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            keys.Add((await _kms.NewKeyAsync()).KeyId);
        }
        var alias = $"alias/race-{Guid.NewGuid():N}";

        var outcomes = await Task.WhenAll(keys.Select(async k =>
        {
            try
            {
                await _kms.CreateAliasAsync(alias, k);
                return k;
            }
            catch (AlreadyExistsException)
            {
                return null;
            }
        }));

        var winner = Assert.Single(outcomes, o => o is not null);
        Assert.Equal(winner, (await _kms.DescribeAsync(alias)).KeyId);
    }
}
