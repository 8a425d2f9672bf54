using System.Text.Json;
using Trent.Server.Tests.Identity.Support;
using static Trent.Server.Tests.Identity.Support.IdentityServer;

namespace Trent.Server.Tests.Identity;

/// <summary>IAM Put/Get/List/DeleteUserPolicy and Put/Get/List/DeleteRolePolicy.</summary>
public sealed class InlinePolicyTests(IdentityServer fixture) : IClassFixture<IdentityServer>
{
    private const string KmsUse = """{"Version":"2012-10-17","Statement":[{"Sid":"Use","Effect":"Allow","Action":["kms:Encrypt","kms:Decrypt"],"Resource":"*"}]}""";

    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]}""";

    private readonly Boto _root = fixture.Root;

    private async Task<string> NewUserAsync()
    {
        var name = Unique("pol");
        await _root.IamAsync("CreateUser", new { UserName = name });
        return name;
    }

    private async Task<string> NewRoleAsync()
    {
        var name = Unique("pol");
        await _root.IamAsync("CreateRole", new { RoleName = name, AssumeRolePolicyDocument = Trust });
        return name;
    }

    /// <summary>A policy of exactly <paramref name="size"/> non-white-space characters, padded with <paramref name="spaces"/> spaces.</summary>
    private static string PolicyOfSize(int size, int spaces = 0)
    {
        var shell = """{"Version":"2012-10-17","Statement":[{"Sid":"","Effect":"Allow","Action":"kms:Encrypt","Resource":"*"}]}""";
        return shell.Replace("\"Sid\":\"\"", $"\"Sid\":\"{new string('a', size - shell.Length)}\"", StringComparison.Ordinal) + new string(' ', spaces);
    }

    [Fact]
    public async Task Put_user_policy_then_get_returns_the_document_and_list_names_the_policy()
    {
        var user = await NewUserAsync();

        await _root.IamAsync("PutUserPolicy", new { UserName = user, PolicyName = "kms-use", PolicyDocument = KmsUse });

        var got = await _root.IamAsync("GetUserPolicy", new { UserName = user, PolicyName = "KMS-USE" });
        Assert.Equal((user, "kms-use"), (got.Str("UserName"), got.Str("PolicyName")));
        Assert.Equal(JsonDocument.Parse(KmsUse).RootElement.GetRawText(), got.GetProperty("PolicyDocument").GetRawText().Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal(["kms-use"], (await _root.IamAsync("ListUserPolicies", new { UserName = user })).Strs("PolicyNames"));
    }

    [Fact]
    public async Task The_policy_document_travels_URL_encoded_in_GetUserPolicy_as_IAM_sends_it()
    {
        var user = await NewUserAsync();
        await _root.IamAsync("PutUserPolicy", new { UserName = user, PolicyName = "p", PolicyDocument = KmsUse });

        var outcome = await _root.SendAsync("iam", "GetUserPolicy", new { UserName = user, PolicyName = "p" });

        Assert.Contains($"<PolicyDocument>{Uri.EscapeDataString(KmsUse)}</PolicyDocument>", outcome.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_user_policy_replaces_a_policy_of_the_same_name()
    {
        var user = await NewUserAsync();
        await _root.IamAsync("PutUserPolicy", new { UserName = user, PolicyName = "p", PolicyDocument = KmsUse });

        await _root.IamAsync("PutUserPolicy", new { UserName = user, PolicyName = "p", PolicyDocument = IdentityKit.AllowAllIam });

        var got = await _root.IamAsync("GetUserPolicy", new { UserName = user, PolicyName = "p" });
        Assert.Equal("iam:*", got.GetProperty("PolicyDocument").GetProperty("Statement")[0].Str("Action"));
        Assert.Single((await _root.IamAsync("ListUserPolicies", new { UserName = user })).Strs("PolicyNames"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"kms:Encrypt","Resource":"*"}]}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Maybe","Action":"kms:Encrypt","Resource":"*"}]}""")]
    public async Task Put_user_policy_with_a_malformed_document_returns_MalformedPolicyDocument_and_stores_nothing(string document)
    {
        var user = await NewUserAsync();

        await _root.IamFailAsync("PutUserPolicy", new { UserName = user, PolicyName = "p", PolicyDocument = document }, "MalformedPolicyDocument", 400);

        Assert.Empty((await _root.IamAsync("ListUserPolicies", new { UserName = user })).Strs("PolicyNames"));
    }

    [Fact]
    public async Task A_users_policies_together_may_hold_2048_characters_not_counting_white_space()
    {
        var user = await NewUserAsync();
        await _root.IamAsync("PutUserPolicy", new { UserName = user, PolicyName = "big", PolicyDocument = PolicyOfSize(2000, spaces: 500) });

        var error = await _root.IamFailAsync("PutUserPolicy", new { UserName = user, PolicyName = "more", PolicyDocument = PolicyOfSize(200) },
            "LimitExceeded", 409);
        await _root.IamAsync("PutUserPolicy", new { UserName = user, PolicyName = "big", PolicyDocument = PolicyOfSize(2048) });

        Assert.Equal($"Maximum policy size of 2048 bytes exceeded for user {user}", error.ErrorMessage);
    }

    [Fact]
    public async Task Delete_user_policy_removes_it_and_get_then_returns_NoSuchEntity()
    {
        var user = await NewUserAsync();
        await _root.IamAsync("PutUserPolicy", new { UserName = user, PolicyName = "p", PolicyDocument = KmsUse });

        await _root.IamAsync("DeleteUserPolicy", new { UserName = user, PolicyName = "p" });

        var error = await _root.IamFailAsync("GetUserPolicy", new { UserName = user, PolicyName = "p" }, "NoSuchEntity", 404);
        Assert.Equal("The user policy with name p cannot be found.", error.ErrorMessage);
        await _root.IamFailAsync("DeleteUserPolicy", new { UserName = user, PolicyName = "p" }, "NoSuchEntity", 404);
        await _root.IamAsync("DeleteUser", new { UserName = user });
    }

    [Fact]
    public async Task Policies_of_a_missing_user_or_role_return_NoSuchEntity()
    {
        await _root.IamFailAsync("PutUserPolicy", new { UserName = "nobody", PolicyName = "p", PolicyDocument = KmsUse }, "NoSuchEntity", 404);
        await _root.IamFailAsync("ListUserPolicies", new { UserName = "nobody" }, "NoSuchEntity", 404);
        var error = await _root.IamFailAsync("PutRolePolicy", new { RoleName = "nobody", PolicyName = "p", PolicyDocument = KmsUse }, "NoSuchEntity", 404);
        Assert.Equal("The role with name nobody cannot be found.", error.ErrorMessage);
    }

    [Fact]
    public async Task List_user_policies_pages_with_MaxItems_and_Marker()
    {
        var user = await NewUserAsync();
        await _root.RunAsync([.. new[] { "c", "a", "b" }.Select(n => new BotoCall("iam", "PutUserPolicy", new { UserName = user, PolicyName = n, PolicyDocument = KmsUse }))]);

        var first = await _root.IamAsync("ListUserPolicies", new { UserName = user, MaxItems = 2 });
        var rest = await _root.IamAsync("ListUserPolicies", new { UserName = user, MaxItems = 2, Marker = first.Str("Marker") });

        Assert.Equal(["a", "b"], first.Strs("PolicyNames"));
        Assert.True(first.GetProperty("IsTruncated").GetBoolean());
        Assert.Equal(["c"], rest.Strs("PolicyNames"));
        Assert.False(rest.GetProperty("IsTruncated").GetBoolean());
    }

    [Fact]
    public async Task Role_policies_are_put_got_listed_and_deleted()
    {
        var role = await NewRoleAsync();

        await _root.IamAsync("PutRolePolicy", new { RoleName = role, PolicyName = "kms-use", PolicyDocument = KmsUse });
        var got = await _root.IamAsync("GetRolePolicy", new { RoleName = role, PolicyName = "kms-use" });
        var listed = (await _root.IamAsync("ListRolePolicies", new { RoleName = role })).Strs("PolicyNames");
        await _root.IamAsync("DeleteRolePolicy", new { RoleName = role, PolicyName = "kms-use" });

        Assert.Equal((role, "kms-use", "Use"), (got.Str("RoleName"), got.Str("PolicyName"), got.GetProperty("PolicyDocument").GetProperty("Statement")[0].Str("Sid")));
        Assert.Equal(["kms-use"], listed);
        Assert.Empty((await _root.IamAsync("ListRolePolicies", new { RoleName = role })).Strs("PolicyNames"));
        var error = await _root.IamFailAsync("GetRolePolicy", new { RoleName = role, PolicyName = "kms-use" }, "NoSuchEntity", 404);
        Assert.Equal("The role policy with name kms-use cannot be found.", error.ErrorMessage);
    }

    [Fact]
    public async Task A_roles_policies_together_may_hold_10240_characters()
    {
        var role = await NewRoleAsync();
        await _root.IamAsync("PutRolePolicy", new { RoleName = role, PolicyName = "big", PolicyDocument = PolicyOfSize(10240) });

        var error = await _root.IamFailAsync("PutRolePolicy", new { RoleName = role, PolicyName = "more", PolicyDocument = PolicyOfSize(200) }, "LimitExceeded", 409);

        Assert.Equal($"Maximum policy size of 10240 bytes exceeded for role {role}", error.ErrorMessage);
    }
}
