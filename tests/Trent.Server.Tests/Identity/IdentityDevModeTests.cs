using Trent.Server.Tests.Harness;
using Trent.Server.Tests.Identity.Support;

namespace Trent.Server.Tests.Identity;

/// <summary>Dev mode lets unknown access keys in as the dev account's root; users and sessions are still verified.</summary>
public sealed class IdentityDevModeTests
{
    [Fact]
    public async Task An_unknown_key_in_dev_mode_is_the_dev_accounts_root_for_STS_and_IAM()
    {
        await using var server = await TrentServer.StartAsync(dev: true);
        var dev = server.Boto(new SigningCredentials("test", "test"));

        var me = await dev.CallAsync("sts", "GetCallerIdentity");
        await dev.IamAsync("CreateUser", new { UserName = "made-in-dev" });

        Assert.Equal(("111122223333", "arn:aws:iam::111122223333:root"), (me.Str("Account"), me.Str("Arn")));
        await server.Boto().IamAsync("GetUser", new { UserName = "made-in-dev" });
    }

    [Fact]
    public async Task A_users_key_with_a_wrong_secret_is_refused_in_dev_mode()
    {
        await using var server = await TrentServer.StartAsync(dev: true);
        var (keys, _, _) = await server.NewUserAsync("app");

        await server.Boto(keys with { SecretAccessKey = "wrong" }).FailAsync("sts", "GetCallerIdentity", null, "SignatureDoesNotMatch", 403);
    }

    [Fact]
    public async Task A_session_token_Trent_did_not_issue_is_refused_in_dev_mode()
    {
        await using var server = await TrentServer.StartAsync(dev: true);

        var error = await server.Boto(new SigningCredentials("ASIAUNKNOWN000000000", "test", "FwoGZXIvYXdzEXAMPLETOKEN"))
            .FailAsync("sts", "GetCallerIdentity", null, "InvalidClientTokenId", 403);

        Assert.Equal("The security token included in the request is invalid.", error.ErrorMessage);
    }
}
