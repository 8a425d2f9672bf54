using Trent.Server.Tests.Identity.Support;
using static Trent.Server.Tests.Identity.Support.IdentityServer;

namespace Trent.Server.Tests.Identity;

/// <summary>Who may call IAM: the account root always; anyone else as its identity policies allow, an explicit deny winning.</summary>
public sealed class IamAuthorizationTests(IdentityServer fixture) : IClassFixture<IdentityServer>
{
    private readonly Boto _root = fixture.Root;

    [Fact]
    public async Task A_user_without_identity_policies_is_denied_IAM_actions_with_AWSs_message()
    {
        var (keys, _, arn) = await fixture.Server.NewUserAsync(Unique("nobody"));
        var target = Unique("target");

        var error = await fixture.Server.Boto(keys).IamFailAsync("CreateUser", new { UserName = target }, "AccessDenied", 403);

        Assert.Equal(
            $"User: {arn} is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::{fixture.Account}:user/{target} " +
            "because no identity-based policy allows the iam:CreateUser action",
            error.ErrorMessage);
        await _root.IamFailAsync("GetUser", new { UserName = target }, "NoSuchEntity", 404);
    }

    [Fact]
    public async Task A_user_allowed_iam_star_manages_users_roles_and_policies()
    {
        var (keys, _, _) = await fixture.Server.NewUserAsync(Unique("admin"), IdentityKit.AllowAllIam);
        var admin = fixture.Server.Boto(keys);
        var name = Unique("made");

        var outcomes = await admin.RunAsync(
            new BotoCall("iam", "CreateUser", new { UserName = name }),
            new BotoCall("iam", "PutUserPolicy", new { UserName = name, PolicyName = "p", PolicyDocument = IdentityKit.AllowAllIam }),
            new BotoCall("iam", "ListUsers"),
            new BotoCall("iam", "DeleteUserPolicy", new { UserName = name, PolicyName = "p" }),
            new BotoCall("iam", "DeleteUser", new { UserName = name }));

        Assert.All(outcomes, o => _ = o.Ok);
        Assert.Contains(name, outcomes[2].Ok.GetProperty("Users").EnumerateArray().Select(u => u.Str("UserName")));
    }

    [Fact]
    public async Task An_explicit_deny_wins_over_an_allow_with_AWSs_message()
    {
        var deny = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:DeleteUser","Resource":"*"}]}""";
        var (keys, _, arn) = await fixture.Server.NewUserAsync(Unique("denied"), IdentityKit.AllowAllIam, deny);
        var victim = Unique("victim");
        await _root.IamAsync("CreateUser", new { UserName = victim });

        var error = await fixture.Server.Boto(keys).IamFailAsync("DeleteUser", new { UserName = victim }, "AccessDenied", 403);

        Assert.Equal(
            $"User: {arn} is not authorized to perform: iam:DeleteUser on resource: arn:aws:iam::{fixture.Account}:user/{victim} " +
            "with an explicit deny in an identity-based policy",
            error.ErrorMessage);
        await _root.IamAsync("GetUser", new { UserName = victim });
    }

    [Fact]
    public async Task A_policy_on_one_action_and_one_resource_allows_exactly_that()
    {
        var target = Unique("target");
        await _root.IamAsync("CreateUser", new { UserName = target, Path = "/team/" });
        var policy = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::{{fixture.Account}}:user/team/{{target}}"}]}""";
        var (keys, _, _) = await fixture.Server.NewUserAsync(Unique("narrow"), policy);
        var narrow = fixture.Server.Boto(keys);

        var outcomes = await narrow.RunAsync(
            new BotoCall("iam", "GetUser", new { UserName = target }),
            new BotoCall("iam", "GetUser", new { UserName = "someone-else" }),
            new BotoCall("iam", "ListUsers"),
            new BotoCall("iam", "DeleteUser", new { UserName = target }));

        _ = outcomes[0].Ok;
        Assert.Equal(["AccessDenied", "AccessDenied", "AccessDenied"], outcomes.Skip(1).Select(o => o.ErrorCode));
        Assert.Contains($"iam:ListUsers on resource: arn:aws:iam::{fixture.Account}:user/ ", outcomes[2].ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_without_permission_learns_AccessDenied_not_whether_the_user_exists()
    {
        var (keys, _, _) = await fixture.Server.NewUserAsync(Unique("nobody"));

        await fixture.Server.Boto(keys).IamFailAsync("GetUser", new { UserName = "no-such-user" }, "AccessDenied", 403);
    }

    [Fact]
    public async Task Changing_a_users_policies_takes_effect_on_the_next_request()
    {
        var name = Unique("changing");
        var (keys, _, _) = await fixture.Server.NewUserAsync(name);
        var user = fixture.Server.Boto(keys);
        await user.IamFailAsync("ListRoles", null, "AccessDenied", 403);

        await _root.IamAsync("PutUserPolicy", new { UserName = name, PolicyName = "p", PolicyDocument = IdentityKit.AllowAllIam });
        await user.IamAsync("ListRoles");
        await _root.IamAsync("DeleteUserPolicy", new { UserName = name, PolicyName = "p" });

        await user.IamFailAsync("ListRoles", null, "AccessDenied", 403);
    }

    [Fact]
    public async Task GetCallerIdentity_needs_no_permission()
    {
        var (keys, userId, arn) = await fixture.Server.NewUserAsync(Unique("nobody"));

        var me = await fixture.Server.Boto(keys).CallAsync("sts", "GetCallerIdentity");

        Assert.Equal((fixture.Account, userId, arn), (me.Str("Account"), me.Str("UserId"), me.Str("Arn")));
    }
}
