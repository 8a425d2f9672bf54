using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Harness;
using Trent.Server.Tests.KeyManagement.Support;

namespace Trent.Server.Tests.KeyManagement;

/// <summary>
/// In dev mode an unknown access key acts as the root of the dev account, which is the account the root
/// credentials belong to: both callers see and change the same keys and aliases.
/// </summary>
public sealed class DevModeTests
{
    [Fact]
    public async Task A_dev_mode_caller_with_an_unknown_access_key_manages_the_accounts_keys_and_aliases()
    {
        await using var server = await TrentServer.StartAsync(dev: true);
        using var root = server.Kms();
        using var dev = server.KmsAs("ANYUNKNOWNKEY", "x");
        var rootKey = await root.NewKeyAsync("by root");

        var devKey = await dev.NewKeyAsync("by dev");
        await dev.CreateAliasAsync("alias/dev", rootKey.KeyId);
        await dev.TagResourceAsync(new TagResourceRequest { KeyId = rootKey.Arn, Tags = [new Tag { TagKey = "by", TagValue = "dev" }] });

        Assert.Equal("111122223333", devKey.AWSAccountId);
        Assert.Equal(server.Root.AccountId, devKey.AWSAccountId);
        Assert.Equal(new[] { rootKey.KeyId, devKey.KeyId }.Order(StringComparer.Ordinal), await root.AllKeyIdsAsync());
        Assert.Equal(await root.AllKeyIdsAsync(), await dev.AllKeyIdsAsync());
        Assert.Equal(rootKey.KeyId, (await root.DescribeAsync("alias/dev")).KeyId);
        Assert.Equal("dev", Assert.Single(await root.TagsOfAsync(rootKey.KeyId)).TagValue);
        Assert.Equal("by dev", (await root.DescribeAsync(devKey.Arn)).Description);
    }

    [Fact]
    public async Task A_dev_mode_caller_sees_the_default_policy_of_the_dev_account()
    {
        await using var server = await TrentServer.StartAsync(dev: true);
        using var dev = server.KmsAs("ANYUNKNOWNKEY", "x");
        var key = await dev.NewKeyAsync();

        Assert.Contains("\"AWS\" : \"arn:aws:iam::111122223333:root\"", await dev.PolicyOfAsync(key.KeyId), StringComparison.Ordinal);
    }
}
