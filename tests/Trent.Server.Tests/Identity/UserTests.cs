using Trent.Server.Tests.Identity.Support;
using static Trent.Server.Tests.Identity.Support.IdentityServer;

namespace Trent.Server.Tests.Identity;

/// <summary>IAM CreateUser, GetUser, ListUsers and DeleteUser through boto3, as the account root unless said otherwise.</summary>
public sealed class UserTests(IdentityServer fixture) : IClassFixture<IdentityServer>
{
    private readonly Boto _root = fixture.Root;

    [Fact]
    public async Task Create_user_returns_the_user_with_an_AIDA_id_and_an_ARN_under_its_path()
    {
        var name = Unique("app");

        var user = (await _root.IamAsync("CreateUser", new { UserName = name, Path = "/division/team/" })).GetProperty("User");

        Assert.Equal(name, user.Str("UserName"));
        Assert.Equal("/division/team/", user.Str("Path"));
        Assert.Matches("^AIDA[A-Z2-7]{16}$", user.Str("UserId"));
        Assert.Equal($"arn:aws:iam::{fixture.Account}:user/division/team/{name}", user.Str("Arn"));
        Assert.InRange(DateTimeOffset.Parse(user.Str("CreateDate"), System.Globalization.CultureInfo.InvariantCulture),
            fixture.Server.Clock.GetUtcNow().AddMinutes(-1), fixture.Server.Clock.GetUtcNow().AddMinutes(1));
    }

    [Fact]
    public async Task Get_user_returns_what_create_user_returned_tags_included_and_finds_the_name_in_any_case()
    {
        var name = Unique("App");
        var created = (await _root.IamAsync("CreateUser", new
        {
            UserName = name,
            Tags = new[] { new { Key = "team", Value = "kms" }, new { Key = "empty", Value = "" } },
        })).GetProperty("User");

        var got = (await _root.IamAsync("GetUser", new { UserName = name.ToUpperInvariant() })).GetProperty("User");

        Assert.Equal(created.GetRawText(), got.GetRawText());
        Assert.Equal(["team", "empty"], got.GetProperty("Tags").EnumerateArray().Select(t => t.Str("Key")));
    }

    [Fact]
    public async Task Create_user_with_a_name_taken_in_another_case_returns_EntityAlreadyExists()
    {
        var name = Unique("app");
        await _root.IamAsync("CreateUser", new { UserName = name });

        var error = await _root.IamFailAsync("CreateUser", new { UserName = name.ToUpperInvariant() }, "EntityAlreadyExists", 409);

        Assert.Equal($"User with name {name.ToUpperInvariant()} already exists.", error.ErrorMessage);
    }

    [Fact]
    public async Task Get_of_a_missing_user_returns_NoSuchEntity_with_IAMs_message()
    {
        var error = await _root.IamFailAsync("GetUser", new { UserName = "nobody" }, "NoSuchEntity", 404);

        Assert.Equal("The user with name nobody cannot be found.", error.ErrorMessage);
    }

    [Fact]
    public async Task Delete_user_removes_the_user_and_a_second_delete_returns_NoSuchEntity()
    {
        var name = Unique("app");
        await _root.IamAsync("CreateUser", new { UserName = name });

        await _root.IamAsync("DeleteUser", new { UserName = name });

        await _root.IamFailAsync("GetUser", new { UserName = name }, "NoSuchEntity", 404);
        await _root.IamFailAsync("DeleteUser", new { UserName = name }, "NoSuchEntity", 404);
    }

    [Fact]
    public async Task Delete_user_with_an_access_key_returns_DeleteConflict_and_keeps_the_user()
    {
        var name = Unique("app");
        await _root.IamAsync("CreateUser", new { UserName = name });
        await _root.IamAsync("CreateAccessKey", new { UserName = name });

        var error = await _root.IamFailAsync("DeleteUser", new { UserName = name }, "DeleteConflict", 409);

        Assert.Equal("Cannot delete entity, must delete access keys first.", error.ErrorMessage);
        await _root.IamAsync("GetUser", new { UserName = name });
    }

    [Fact]
    public async Task Delete_user_with_an_inline_policy_returns_DeleteConflict()
    {
        var name = Unique("app");
        await _root.IamAsync("CreateUser", new { UserName = name });
        await _root.IamAsync("PutUserPolicy", new { UserName = name, PolicyName = "p", PolicyDocument = IdentityKit.AllowAllIam });

        var error = await _root.IamFailAsync("DeleteUser", new { UserName = name }, "DeleteConflict", 409);

        Assert.Equal("Cannot delete entity, must delete policies first.", error.ErrorMessage);
    }

    [Fact]
    public async Task Create_user_with_a_name_outside_IAMs_pattern_returns_ValidationError_in_AWSs_words()
    {
        var error = await _root.IamFailAsync("CreateUser", new { UserName = "bad name" }, "ValidationError", 400);

        Assert.Equal(
            @"1 validation error detected: Value 'bad name' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]+",
            error.ErrorMessage);
    }

    [Fact]
    public async Task Create_user_with_tag_keys_equal_but_for_case_returns_InvalidInput()
    {
        await _root.IamFailAsync("CreateUser", new
        {
            UserName = Unique("app"),
            Tags = new[] { new { Key = "Team", Value = "a" }, new { Key = "team", Value = "b" } },
        }, "InvalidInput", 400);
    }

    [Fact]
    public async Task Create_user_with_a_permissions_boundary_is_refused_rather_than_ignored()
    {
        var name = Unique("app");

        await _root.IamFailAsync("CreateUser", new { UserName = name, PermissionsBoundary = "arn:aws:iam::aws:policy/ReadOnlyAccess" }, "InvalidInput", 400);

        await _root.IamFailAsync("GetUser", new { UserName = name }, "NoSuchEntity", 404);
    }

    [Fact]
    public async Task Get_user_without_a_name_as_the_root_describes_the_account_root()
    {
        var user = (await _root.IamAsync("GetUser")).GetProperty("User");

        Assert.Equal(fixture.Account, user.Str("UserId"));
        Assert.Equal($"arn:aws:iam::{fixture.Account}:root", user.Str("Arn"));
        Assert.False(user.TryGetProperty("UserName", out _));
    }

    [Fact]
    public async Task Get_user_without_a_name_as_a_user_describes_that_user()
    {
        var name = Unique("self");
        var (keys, userId, arn) = await fixture.Server.NewUserAsync(name,
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::*:user/${aws:username}"}]}""");

        var user = (await fixture.Server.Boto(keys).IamAsync("GetUser")).GetProperty("User");

        Assert.Equal((name, userId, arn), (user.Str("UserName"), user.Str("UserId"), user.Str("Arn")));
    }

    [Fact]
    public async Task List_users_pages_in_name_order_with_MaxItems_and_Marker_under_a_path_prefix()
    {
        var path = $"/{Unique("list")}/";
        string[] names = ["delta", "Alpha", "charlie", "bravo", "echo"];
        await _root.RunAsync([.. names.Select(n => new BotoCall("iam", "CreateUser", new { UserName = Unique(n), Path = path }))]);
        var pages = new List<string[]>();
        string? marker = null;

        do
        {
            var page = await _root.IamAsync("ListUsers", marker is null ? new { PathPrefix = path, MaxItems = 2 } : new { PathPrefix = path, MaxItems = 2, Marker = marker });
            pages.Add(page.GetProperty("Users").EnumerateArray().Select(u => u.Str("UserName")[..u.Str("UserName").IndexOf('-', StringComparison.Ordinal)]).ToArray());
            Assert.Equal(page.GetProperty("IsTruncated").GetBoolean(), page.TryGetProperty("Marker", out var next));
            marker = page.GetProperty("IsTruncated").GetBoolean() ? next.GetString() : null;
        }
        while (marker is not null);

        Assert.Equal([["Alpha", "bravo"], ["charlie", "delta"], ["echo"]], pages);
    }

    [Fact]
    public async Task List_users_with_a_forged_marker_returns_ValidationError() =>
        await _root.IamFailAsync("ListUsers", new { Marker = "not-a-marker" }, "ValidationError", 400);
}
