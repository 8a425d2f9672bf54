using Trent.Server.Tests.Identity.Support;
using static Trent.Server.Tests.Identity.Support.IdentityServer;

namespace Trent.Server.Tests.Identity;

/// <summary>IAM CreateRole, GetRole, ListRoles and DeleteRole.</summary>
public sealed class RoleTests(IdentityServer fixture) : IClassFixture<IdentityServer>
{
    private readonly Boto _root = fixture.Root;

    private string Trust => $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{fixture.Account}}:root"},"Action":"sts:AssumeRole"}]}""";

    [Fact]
    public async Task Create_role_returns_an_AROA_id_the_ARN_under_its_path_and_the_default_session_duration()
    {
        var name = Unique("role");

        var role = (await _root.IamAsync("CreateRole", new { RoleName = name, Path = "/ci/", AssumeRolePolicyDocument = Trust, Description = "Deploys" })).GetProperty("Role");

        Assert.Matches("^AROA[A-Z2-7]{16}$", role.Str("RoleId"));
        Assert.Equal($"arn:aws:iam::{fixture.Account}:role/ci/{name}", role.Str("Arn"));
        Assert.Equal(("/ci/", name, "Deploys", 3600), (role.Str("Path"), role.Str("RoleName"), role.Str("Description"), role.GetProperty("MaxSessionDuration").GetInt32()));
    }

    [Fact]
    public async Task Get_role_returns_the_trust_policy_which_travels_URL_encoded()
    {
        var name = Unique("role");
        await _root.IamAsync("CreateRole", new { RoleName = name, AssumeRolePolicyDocument = Trust, MaxSessionDuration = 7200 });

        var outcome = await _root.SendAsync("iam", "GetRole", new { RoleName = name.ToUpperInvariant() });

        var role = outcome.Ok.GetProperty("Role");
        Assert.Equal((name, 7200), (role.Str("RoleName"), role.GetProperty("MaxSessionDuration").GetInt32()));
        Assert.Equal("sts:AssumeRole", role.GetProperty("AssumeRolePolicyDocument").GetProperty("Statement")[0].Str("Action"));
        Assert.Contains($"<AssumeRolePolicyDocument>{Uri.EscapeDataString(Trust)}</AssumeRolePolicyDocument>", outcome.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}""")]
    [InlineData("{")]
    public async Task Create_role_with_a_malformed_trust_policy_returns_MalformedPolicyDocument(string trust)
    {
        var name = Unique("role");

        await _root.IamFailAsync("CreateRole", new { RoleName = name, AssumeRolePolicyDocument = trust }, "MalformedPolicyDocument", 400);

        await _root.IamFailAsync("GetRole", new { RoleName = name }, "NoSuchEntity", 404);
    }

    [Fact]
    public async Task Create_role_with_a_trust_policy_over_2048_characters_returns_LimitExceeded()
    {
        var trust = Trust.Replace("\"Effect\"", $"\"Sid\":\"{new string('a', 2048)}\",\"Effect\"", StringComparison.Ordinal);

        var error = await _root.IamFailAsync("CreateRole", new { RoleName = Unique("role"), AssumeRolePolicyDocument = trust }, "LimitExceeded", 409);

        Assert.Equal("Cannot exceed quota for ACLSizePerRole: 2048", error.ErrorMessage);
    }

    [Fact]
    public async Task Create_role_with_a_name_taken_in_another_case_returns_EntityAlreadyExists()
    {
        var name = Unique("role");
        await _root.IamAsync("CreateRole", new { RoleName = name, AssumeRolePolicyDocument = Trust });

        var error = await _root.IamFailAsync("CreateRole", new { RoleName = name.ToUpperInvariant(), AssumeRolePolicyDocument = Trust }, "EntityAlreadyExists", 409);

        Assert.Equal($"Role with name {name.ToUpperInvariant()} already exists.", error.ErrorMessage);
    }

    [Theory]
    [InlineData(3599, "greater than or equal to 3600")]
    [InlineData(43201, "less than or equal to 43200")]
    public async Task Create_role_with_a_session_duration_out_of_range_returns_ValidationError(int seconds, string constraint)
    {
        var error = await _root.IamFailAsync("CreateRole", new { RoleName = Unique("role"), AssumeRolePolicyDocument = Trust, MaxSessionDuration = seconds },
            "ValidationError", 400);

        Assert.Equal($"1 validation error detected: Value '{seconds}' at 'maxSessionDuration' failed to satisfy constraint: Member must have value {constraint}",
            error.ErrorMessage);
    }

    [Fact]
    public async Task Delete_role_is_refused_while_it_has_a_policy_and_removes_the_role_after()
    {
        var name = Unique("role");
        await _root.IamAsync("CreateRole", new { RoleName = name, AssumeRolePolicyDocument = Trust });
        await _root.IamAsync("PutRolePolicy", new { RoleName = name, PolicyName = "p", PolicyDocument = IdentityKit.AllowAllIam });

        var error = await _root.IamFailAsync("DeleteRole", new { RoleName = name }, "DeleteConflict", 409);
        await _root.IamAsync("DeleteRolePolicy", new { RoleName = name, PolicyName = "p" });
        await _root.IamAsync("DeleteRole", new { RoleName = name });

        Assert.Equal("Cannot delete entity, must delete policies first.", error.ErrorMessage);
        var missing = await _root.IamFailAsync("GetRole", new { RoleName = name }, "NoSuchEntity", 404);
        Assert.Equal($"The role with name {name} cannot be found.", missing.ErrorMessage);
    }

    [Fact]
    public async Task List_roles_pages_in_name_order_under_a_path_prefix()
    {
        var path = $"/{Unique("roles")}/";
        await _root.RunAsync([.. new[] { "c", "A", "b" }.Select(n => new BotoCall("iam", "CreateRole", new { RoleName = $"{n}-{Guid.NewGuid():N}", Path = path, AssumeRolePolicyDocument = Trust }))]);

        var first = await _root.IamAsync("ListRoles", new { PathPrefix = path, MaxItems = 2 });
        var rest = await _root.IamAsync("ListRoles", new { PathPrefix = path, MaxItems = 2, Marker = first.Str("Marker") });

        Assert.Equal(["A", "b"], first.GetProperty("Roles").EnumerateArray().Select(r => r.Str("RoleName")[..1]));
        Assert.True(first.GetProperty("IsTruncated").GetBoolean());
        Assert.Equal(["c"], rest.GetProperty("Roles").EnumerateArray().Select(r => r.Str("RoleName")[..1]));
        Assert.False(rest.GetProperty("IsTruncated").GetBoolean());
    }
}
