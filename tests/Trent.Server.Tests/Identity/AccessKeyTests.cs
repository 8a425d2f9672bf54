using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Trent.Server.Tests.Harness;
using Trent.Server.Tests.Identity.Support;
using static Trent.Server.Tests.Identity.Support.IdentityServer;

namespace Trent.Server.Tests.Identity;

/// <summary>IAM CreateAccessKey, ListAccessKeys, UpdateAccessKey and DeleteAccessKey, and what SigV4 makes of the keys.</summary>
public sealed class AccessKeyTests(IdentityServer fixture) : IClassFixture<IdentityServer>
{
    private readonly Boto _root = fixture.Root;

    private async Task<(string UserName, SigningCredentials Keys)> UserWithKeyAsync()
    {
        var name = Unique("keys");
        await _root.IamAsync("CreateUser", new { UserName = name });
        var key = (await _root.IamAsync("CreateAccessKey", new { UserName = name })).GetProperty("AccessKey");
        return (name, new SigningCredentials(key.Str("AccessKeyId"), key.Str("SecretAccessKey")));
    }

    [Fact]
    public async Task Create_access_key_returns_an_active_key_whose_secret_signs_as_the_user()
    {
        var name = Unique("keys");
        var user = (await _root.IamAsync("CreateUser", new { UserName = name })).GetProperty("User");

        var key = (await _root.IamAsync("CreateAccessKey", new { UserName = name })).GetProperty("AccessKey");

        Assert.Equal((name, "Active"), (key.Str("UserName"), key.Str("Status")));
        Assert.Matches("^AKIA[A-Z2-7]{16}$", key.Str("AccessKeyId"));
        Assert.Equal(40, key.Str("SecretAccessKey").Length);
        using var sts = fixture.Server.Sts(new SigningCredentials(key.Str("AccessKeyId"), key.Str("SecretAccessKey")));
        var me = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        Assert.Equal((fixture.Account, user.Str("UserId"), user.Str("Arn")), (me.Account, me.UserId, me.Arn));
    }

    [Fact]
    public async Task List_access_keys_shows_the_users_keys_without_their_secrets()
    {
        var (name, keys) = await UserWithKeyAsync();
        var second = (await _root.IamAsync("CreateAccessKey", new { UserName = name })).GetProperty("AccessKey");

        var listing = await _root.SendAsync("iam", "ListAccessKeys", new { UserName = name });

        var listed = listing.Ok.GetProperty("AccessKeyMetadata").EnumerateArray().ToArray();
        Assert.Equal([keys.AccessKeyId, second.Str("AccessKeyId")], listed.Select(k => k.Str("AccessKeyId")));
        Assert.All(listed, k => Assert.Equal((name, "Active"), (k.Str("UserName"), k.Str("Status"))));
        Assert.DoesNotContain(keys.SecretAccessKey, listing.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("SecretAccessKey", listing.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_third_access_key_returns_LimitExceeded()
    {
        var (name, _) = await UserWithKeyAsync();
        await _root.IamAsync("CreateAccessKey", new { UserName = name });

        var error = await _root.IamFailAsync("CreateAccessKey", new { UserName = name }, "LimitExceeded", 409);

        Assert.Equal("Cannot exceed quota for AccessKeysPerUser: 2", error.ErrorMessage);
    }

    [Fact]
    public async Task An_inactive_key_is_refused_by_IAM_STS_and_KMS_until_it_is_active_again()
    {
        var (name, keys) = await UserWithKeyAsync();

        await _root.IamAsync("UpdateAccessKey", new { UserName = name, AccessKeyId = keys.AccessKeyId, Status = "Inactive" });

        Assert.Equal("Inactive", (await _root.IamAsync("ListAccessKeys", new { UserName = name })).GetProperty("AccessKeyMetadata")[0].Str("Status"));
        var error = await fixture.Server.Boto(keys).FailAsync("sts", "GetCallerIdentity", null, "InvalidClientTokenId", 403);
        Assert.Equal("The security token included in the request is invalid.", error.ErrorMessage);
        using var kms = fixture.Server.KmsWith(keys);
        var kmsError = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() => kms.ListKeysAsync(new ListKeysRequest()));
        Assert.Equal("UnrecognizedClientException", kmsError.ErrorCode);

        await _root.IamAsync("UpdateAccessKey", new { UserName = name, AccessKeyId = keys.AccessKeyId, Status = "Active" });

        await fixture.Server.Boto(keys).CallAsync("sts", "GetCallerIdentity");
    }

    [Fact]
    public async Task A_deleted_key_is_refused_and_is_gone_from_the_listing()
    {
        var (name, keys) = await UserWithKeyAsync();
        await fixture.Server.Boto(keys).CallAsync("sts", "GetCallerIdentity");

        await _root.IamAsync("DeleteAccessKey", new { UserName = name, AccessKeyId = keys.AccessKeyId });

        await fixture.Server.Boto(keys).FailAsync("sts", "GetCallerIdentity", null, "InvalidClientTokenId", 403);
        Assert.Empty((await _root.IamAsync("ListAccessKeys", new { UserName = name })).GetProperty("AccessKeyMetadata").EnumerateArray());
        await _root.IamAsync("DeleteUser", new { UserName = name });
    }

    [Fact]
    public async Task Updating_or_deleting_another_users_key_returns_NoSuchEntity_and_leaves_it_working()
    {
        var (_, keys) = await UserWithKeyAsync();
        var (other, _) = await UserWithKeyAsync();

        var error = await _root.IamFailAsync("UpdateAccessKey", new { UserName = other, AccessKeyId = keys.AccessKeyId, Status = "Inactive" }, "NoSuchEntity", 404);
        await _root.IamFailAsync("DeleteAccessKey", new { UserName = other, AccessKeyId = keys.AccessKeyId }, "NoSuchEntity", 404);

        Assert.Equal($"The Access Key with id {keys.AccessKeyId} cannot be found.", error.ErrorMessage);
        await fixture.Server.Boto(keys).CallAsync("sts", "GetCallerIdentity");
    }

    [Fact]
    public async Task Create_access_key_for_a_missing_user_returns_NoSuchEntity() =>
        await _root.IamFailAsync("CreateAccessKey", new { UserName = "nobody" }, "NoSuchEntity", 404);

    [Fact]
    public async Task Setting_a_key_to_Expired_returns_InvalidInput()
    {
        var (name, keys) = await UserWithKeyAsync();

        await _root.IamFailAsync("UpdateAccessKey", new { UserName = name, AccessKeyId = keys.AccessKeyId, Status = "Expired" }, "InvalidInput", 400);
    }

    [Fact]
    public async Task A_user_manages_its_own_keys_without_naming_itself()
    {
        var name = Unique("self");
        var (keys, _, _) = await fixture.Server.NewUserAsync(name,
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*AccessKey*","Resource":"arn:aws:iam::*:user/${aws:username}"}]}""");
        var self = fixture.Server.Boto(keys);

        var created = (await self.IamAsync("CreateAccessKey")).GetProperty("AccessKey");
        var listed = (await self.IamAsync("ListAccessKeys")).GetProperty("AccessKeyMetadata").EnumerateArray().Select(k => k.Str("AccessKeyId"));

        Assert.Equal(name, created.Str("UserName"));
        Assert.Equal([keys.AccessKeyId, created.Str("AccessKeyId")], listed);
    }

    [Fact]
    public async Task The_account_root_adds_and_lists_root_keys_without_a_user_name()
    {
        await using var server = await TrentServer.StartAsync();
        var root = server.Boto();

        var key = (await root.IamAsync("CreateAccessKey")).GetProperty("AccessKey");
        var listed = (await root.IamAsync("ListAccessKeys")).GetProperty("AccessKeyMetadata").EnumerateArray().Select(k => k.Str("AccessKeyId"));

        Assert.False(key.TryGetProperty("UserName", out _));
        Assert.Equal([server.Root.AccessKeyId, key.Str("AccessKeyId")], listed);
        using var sts = server.Sts(new SigningCredentials(key.Str("AccessKeyId"), key.Str("SecretAccessKey")));
        Assert.Equal($"arn:aws:iam::{server.Root.AccountId}:root", (await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest())).Arn);
        await root.IamFailAsync("CreateAccessKey", null, "LimitExceeded", 409);
    }

    [Fact]
    public async Task A_wrong_secret_for_a_users_key_returns_SignatureDoesNotMatch()
    {
        var (_, keys) = await UserWithKeyAsync();
        using var sts = fixture.Server.Sts(keys with { SecretAccessKey = "wrong" + keys.SecretAccessKey[5..] });

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal(("SignatureDoesNotMatch", System.Net.HttpStatusCode.Forbidden), (error.ErrorCode, error.StatusCode));
    }
}
