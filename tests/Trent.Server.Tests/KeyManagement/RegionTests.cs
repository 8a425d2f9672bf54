using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Harness;
using Trent.Server.Tests.KeyManagement.Support;

namespace Trent.Server.Tests.KeyManagement;

/// <summary>One account in two regions has two separate sets of keys and aliases.</summary>
public sealed class RegionTests : IAsyncLifetime
{
    private TrentServer _server = null!;
    private AmazonKeyManagementServiceClient _east = null!;
    private AmazonKeyManagementServiceClient _west = null!;

    private string Account => _server.Root.AccountId;

    public async Task InitializeAsync()
    {
        _server = await TrentServer.StartAsync();
        _east = _server.Kms();
        _west = _server.Kms("eu-west-1");
    }

    public async Task DisposeAsync()
    {
        _east.Dispose();
        _west.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_key_created_in_eu_west_1_has_an_eu_west_1_ARN()
    {
        var key = (await _west.CreateKeyAsync(new CreateKeyRequest { MultiRegion = true })).KeyMetadata;

        Assert.Equal($"arn:aws:kms:eu-west-1:{Account}:key/{key.KeyId}", key.Arn);
        Assert.Equal(Account, key.AWSAccountId);
        Assert.Equal(key.Arn, key.MultiRegionConfiguration.PrimaryKey.Arn);
        Assert.Equal("eu-west-1", key.MultiRegionConfiguration.PrimaryKey.Region);
    }

    [Fact]
    public async Task ListKeys_in_each_region_returns_only_that_regions_keys()
    {
        var east = await _east.NewKeyAsync();
        var west = await _west.NewKeyAsync();

        Assert.Equal([east.KeyId], await _east.AllKeyIdsAsync());
        Assert.Equal([west.KeyId], await _west.AllKeyIdsAsync());
    }

    [Fact]
    public async Task DescribeKey_by_key_id_in_the_other_region_returns_NotFoundException_with_that_regions_ARN()
    {
        var east = await _east.NewKeyAsync();

        await Expect.Error<NotFoundException>(
            () => _west.DescribeAsync(east.KeyId), $"Key 'arn:aws:kms:eu-west-1:{Account}:key/{east.KeyId}' does not exist");
    }

    [Fact]
    public async Task DescribeKey_by_the_ARN_of_the_other_region_returns_NotFoundException_Invalid_arn()
    {
        var east = await _east.NewKeyAsync();

        await Expect.Error<NotFoundException>(() => _west.DescribeAsync(east.Arn), "Invalid arn us-east-1");
    }

    [Fact]
    public async Task The_same_alias_name_in_two_regions_names_a_different_key_in_each()
    {
        var east = await _east.NewKeyAsync();
        var west = await _west.NewKeyAsync();

        await _east.CreateAliasAsync("alias/app", east.KeyId);
        await _west.CreateAliasAsync("alias/app", west.KeyId);

        Assert.Equal(east.KeyId, (await _east.DescribeAsync("alias/app")).KeyId);
        Assert.Equal(west.KeyId, (await _west.DescribeAsync("alias/app")).KeyId);
        var westAlias = Assert.Single(await _west.AllAliasesAsync());
        Assert.Equal($"arn:aws:kms:eu-west-1:{Account}:alias/app", westAlias.AliasArn);
        Assert.Equal(west.KeyId, westAlias.TargetKeyId);
    }

    [Fact]
    public async Task An_alias_of_one_region_is_not_found_in_the_other()
    {
        var east = await _east.NewKeyAsync();
        await _east.CreateAliasAsync("alias/east-only", east.KeyId);

        await Expect.Error<NotFoundException>(
            () => _west.DescribeAsync("alias/east-only"), $"Alias arn:aws:kms:eu-west-1:{Account}:alias/east-only is not found.");
        Assert.Empty(await _west.AllAliasesAsync());
        await Expect.Error<NotFoundException>(
            () => _west.DeleteAliasAsync(new DeleteAliasRequest { AliasName = "alias/east-only" }),
            $"Alias arn:aws:kms:eu-west-1:{Account}:alias/east-only is not found.");
        Assert.Equal(east.KeyId, (await _east.DescribeAsync("alias/east-only")).KeyId);
    }

    [Fact]
    public async Task CreateAlias_in_one_region_for_a_key_of_the_other_region_returns_NotFoundException()
    {
        var east = await _east.NewKeyAsync();

        await Expect.Error<NotFoundException>(() => _west.CreateAliasAsync("alias/cross", east.Arn), "Invalid arn us-east-1");
        await Expect.Error<NotFoundException>(
            () => _west.CreateAliasAsync("alias/cross", east.KeyId), $"Key 'arn:aws:kms:eu-west-1:{Account}:key/{east.KeyId}' does not exist");
    }

    [Fact]
    public async Task Changing_a_key_in_one_region_leaves_the_other_regions_keys_alone()
    {
        var east = await _east.NewKeyAsync("east");
        var west = await _west.NewKeyAsync("west");

        await _west.DisableKeyAsync(new DisableKeyRequest { KeyId = west.KeyId });
        await _west.TagResourceAsync(new TagResourceRequest { KeyId = west.KeyId, Tags = [new Tag { TagKey = "r", TagValue = "eu" }] });

        var described = await _east.DescribeAsync(east.KeyId);
        Assert.Equal(KeyState.Enabled, described.KeyState);
        Assert.Equal("east", described.Description);
        Assert.Empty(await _east.TagsOfAsync(east.KeyId));
    }
}
