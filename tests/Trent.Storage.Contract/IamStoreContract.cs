using System.Security.Cryptography;
using Trent.Core.Identity;
using Trent.Core.Identity.Iam;
using Trent.Core.Storage;
using static Trent.Storage.Contract.TestData;

namespace Trent.Storage.Contract;

/// <summary>The <see cref="IIamStore"/> contract: users, roles, inline policies and access keys.</summary>
public abstract class IamStoreContract : StoreContract
{
    private const string RootKeyId = "AKIAROOT000000000001";

    private async Task<IamUser> NewUserAsync(string name, string path = "/", string account = AccountId)
    {
        await EnsureAccountAsync(account);
        var user = User(name, path, account);
        Assert.True(await Iam.CreateUserAsync(user));
        return user;
    }

    private async Task<IamRole> NewRoleAsync(string name, string path = "/")
    {
        await EnsureAccountAsync(AccountId);
        var role = Role(name, path);
        Assert.True(await Iam.CreateRoleAsync(role));
        return role;
    }

    private async Task EnsureAccountAsync(string account)
    {
        if (await Identity.GetAccountAsync(account) is null)
        {
            await Identity.CreateAccountAsync(NewAccount(account), RootAccessKey(account, account == AccountId ? RootKeyId : "AKIAROOT000000000002"));
        }
    }

    [Fact]
    public async Task Create_user_then_get_round_trips_every_field()
    {
        var user = await NewUserAsync("app", "/division/team/");

        SameUser(user, await Iam.GetUserAsync(AccountId, "app"));
    }

    [Fact]
    public async Task Get_user_finds_the_name_in_any_case_and_returns_it_as_created()
    {
        await NewUserAsync("AppUser");

        Assert.Equal("AppUser", (await Iam.GetUserAsync(AccountId, "appuser"))?.UserName);
        Assert.Equal("AppUser", (await Iam.GetUserAsync(AccountId, "APPUSER"))?.UserName);
    }

    [Fact]
    public async Task Create_user_with_a_name_taken_in_another_case_returns_false_and_keeps_the_first()
    {
        var first = await NewUserAsync("app");

        Assert.False(await Iam.CreateUserAsync(User("APP")));

        SameUser(first, await Iam.GetUserAsync(AccountId, "App"));
    }

    [Fact]
    public async Task The_same_user_name_in_another_account_is_another_user()
    {
        await NewUserAsync("app");
        var other = await NewUserAsync("app", account: OtherAccountId);

        SameUser(other, await Iam.GetUserAsync(OtherAccountId, "app"));
        Assert.NotEqual(other.UserId, (await Iam.GetUserAsync(AccountId, "app"))!.UserId);
    }

    [Fact]
    public async Task Get_of_a_missing_user_or_role_returns_null()
    {
        await NewUserAsync("app");

        Assert.Null(await Iam.GetUserAsync(AccountId, "other"));
        Assert.Null(await Iam.GetUserAsync(OtherAccountId, "app"));
        Assert.Null(await Iam.GetRoleAsync(AccountId, "app"));
    }

    [Fact]
    public async Task List_users_pages_in_name_order_regardless_of_case()
    {
        foreach (var name in new[] { "carol", "Alice", "bob", "Dave" })
        {
            await NewUserAsync(name);
        }
        await NewUserAsync("zed", account: OtherAccountId);

        var first = await Iam.ListUsersAsync(AccountId, null, null, 3);
        var rest = await Iam.ListUsersAsync(AccountId, null, first[^1].UserName, 3);

        Assert.Equal(["Alice", "bob", "carol"], first.Select(u => u.UserName));
        Assert.Equal(["Dave"], rest.Select(u => u.UserName));
    }

    [Fact]
    public async Task List_users_keeps_only_paths_under_the_prefix()
    {
        await NewUserAsync("a", "/eng/");
        await NewUserAsync("b", "/eng/web/");
        await NewUserAsync("c", "/ops/");
        await NewUserAsync("d");

        Assert.Equal(["a", "b"], (await Iam.ListUsersAsync(AccountId, "/eng/", null, 10)).Select(u => u.UserName));
        Assert.Equal(["a", "b", "c", "d"], (await Iam.ListUsersAsync(AccountId, "/", null, 10)).Select(u => u.UserName));
        Assert.Empty(await Iam.ListUsersAsync(AccountId, "/ENG/", null, 10));
    }

    [Fact]
    public async Task Delete_user_without_keys_or_policies_removes_it()
    {
        await NewUserAsync("app");

        Assert.Equal(IamDeleteOutcome.Deleted, await Iam.DeleteUserAsync(AccountId, "APP"));

        Assert.Null(await Iam.GetUserAsync(AccountId, "app"));
        Assert.Equal(IamDeleteOutcome.NotFound, await Iam.DeleteUserAsync(AccountId, "app"));
    }

    [Fact]
    public async Task Delete_user_with_an_access_key_is_refused_and_keeps_the_user()
    {
        var user = await NewUserAsync("app");
        await Iam.CreateAccessKeyAsync(UserKey(user, "AKIAUSERKEY000000001"), 2);
        await Iam.PutInlinePolicyAsync(PolicyOwnerKind.User, user.UserId, Policy("p"));

        Assert.Equal(IamDeleteOutcome.HasAccessKeys, await Iam.DeleteUserAsync(AccountId, "app"));
        Assert.NotNull(await Iam.GetUserAsync(AccountId, "app"));
    }

    [Fact]
    public async Task Delete_user_with_an_inline_policy_is_refused_and_keeps_the_user()
    {
        var user = await NewUserAsync("app");
        await Iam.PutInlinePolicyAsync(PolicyOwnerKind.User, user.UserId, Policy("p"));

        Assert.Equal(IamDeleteOutcome.HasPolicies, await Iam.DeleteUserAsync(AccountId, "app"));
        Assert.NotNull(await Iam.GetUserAsync(AccountId, "app"));
    }

    [Fact]
    public async Task Create_role_then_get_round_trips_every_field_with_and_without_a_description()
    {
        var described = await NewRoleAsync("deployer", "/ci/");
        await EnsureAccountAsync(AccountId);
        var bare = Role("bare") with { Description = null, Tags = [] };
        Assert.True(await Iam.CreateRoleAsync(bare));

        SameRole(described, await Iam.GetRoleAsync(AccountId, "DEPLOYER"));
        SameRole(bare, await Iam.GetRoleAsync(AccountId, "bare"));
    }

    [Fact]
    public async Task Create_role_with_a_name_taken_in_another_case_returns_false()
    {
        await NewRoleAsync("deployer");

        Assert.False(await Iam.CreateRoleAsync(Role("Deployer")));
    }

    [Fact]
    public async Task List_roles_pages_in_name_order_under_the_path_prefix()
    {
        await NewRoleAsync("b", "/svc/");
        await NewRoleAsync("A", "/svc/");
        await NewRoleAsync("c", "/svc/");
        await NewRoleAsync("d", "/other/");

        var first = await Iam.ListRolesAsync(AccountId, "/svc/", null, 2);
        var rest = await Iam.ListRolesAsync(AccountId, "/svc/", first[^1].RoleName, 2);

        Assert.Equal(["A", "b"], first.Select(r => r.RoleName));
        Assert.Equal(["c"], rest.Select(r => r.RoleName));
    }

    [Fact]
    public async Task Delete_role_is_refused_while_it_has_a_policy_and_succeeds_after()
    {
        var role = await NewRoleAsync("deployer");
        await Iam.PutInlinePolicyAsync(PolicyOwnerKind.Role, role.RoleId, Policy("p"));

        Assert.Equal(IamDeleteOutcome.HasPolicies, await Iam.DeleteRoleAsync(AccountId, "deployer"));
        await Iam.DeleteInlinePolicyAsync(PolicyOwnerKind.Role, role.RoleId, "p");
        Assert.Equal(IamDeleteOutcome.Deleted, await Iam.DeleteRoleAsync(AccountId, "deployer"));
        Assert.Null(await Iam.GetRoleAsync(AccountId, "deployer"));
        Assert.Equal(IamDeleteOutcome.NotFound, await Iam.DeleteRoleAsync(AccountId, "deployer"));
    }

    [Fact]
    public async Task Put_inline_policy_then_get_and_list_return_it()
    {
        var user = await NewUserAsync("app");

        Assert.True(await Iam.PutInlinePolicyAsync(PolicyOwnerKind.User, user.UserId, Policy("b")));
        Assert.True(await Iam.PutInlinePolicyAsync(PolicyOwnerKind.User, user.UserId, Policy("A")));

        Assert.Equal(Policy("b"), await Iam.GetInlinePolicyAsync(PolicyOwnerKind.User, user.UserId, "B"));
        Assert.Equal([Policy("A"), Policy("b")], await Iam.ListInlinePoliciesAsync(PolicyOwnerKind.User, user.UserId));
    }

    [Fact]
    public async Task Put_inline_policy_with_a_name_in_another_case_replaces_the_policy_and_its_name()
    {
        var role = await NewRoleAsync("deployer");
        await Iam.PutInlinePolicyAsync(PolicyOwnerKind.Role, role.RoleId, Policy("use-kms"));

        await Iam.PutInlinePolicyAsync(PolicyOwnerKind.Role, role.RoleId, new InlinePolicy("Use-KMS", "{\"v\":2}"));

        Assert.Equal([new InlinePolicy("Use-KMS", "{\"v\":2}")], await Iam.ListInlinePoliciesAsync(PolicyOwnerKind.Role, role.RoleId));
    }

    [Fact]
    public async Task Put_inline_policy_for_an_owner_that_does_not_exist_returns_false()
    {
        var user = await NewUserAsync("app");

        Assert.False(await Iam.PutInlinePolicyAsync(PolicyOwnerKind.User, "AIDANOSUCHUSER000001", Policy("p")));
        // A user id is no role id: the kind picks the owner table.
        Assert.False(await Iam.PutInlinePolicyAsync(PolicyOwnerKind.Role, user.UserId, Policy("p")));
        Assert.Empty(await Iam.ListInlinePoliciesAsync(PolicyOwnerKind.Role, user.UserId));
    }

    [Fact]
    public async Task Delete_inline_policy_removes_only_that_policy()
    {
        var user = await NewUserAsync("app");
        await Iam.PutInlinePolicyAsync(PolicyOwnerKind.User, user.UserId, Policy("a"));
        await Iam.PutInlinePolicyAsync(PolicyOwnerKind.User, user.UserId, Policy("b"));

        Assert.True(await Iam.DeleteInlinePolicyAsync(PolicyOwnerKind.User, user.UserId, "A"));

        Assert.False(await Iam.DeleteInlinePolicyAsync(PolicyOwnerKind.User, user.UserId, "a"));
        Assert.Null(await Iam.GetInlinePolicyAsync(PolicyOwnerKind.User, user.UserId, "a"));
        Assert.Equal([Policy("b")], await Iam.ListInlinePoliciesAsync(PolicyOwnerKind.User, user.UserId));
    }

    [Fact]
    public async Task A_user_created_again_under_an_old_name_starts_without_policies_or_keys()
    {
        var old = await NewUserAsync("app");
        await Iam.PutInlinePolicyAsync(PolicyOwnerKind.User, old.UserId, Policy("p"));
        await Iam.DeleteInlinePolicyAsync(PolicyOwnerKind.User, old.UserId, "p");
        await Iam.DeleteUserAsync(AccountId, "app");

        var again = await NewUserAsync("app");

        Assert.Empty(await Iam.ListInlinePoliciesAsync(PolicyOwnerKind.User, again.UserId));
        Assert.Empty(await Iam.ListAccessKeysAsync(AccountId, again.UserId));
    }

    [Fact]
    public async Task Create_access_key_then_get_and_list_round_trip_it()
    {
        var user = await NewUserAsync("app");
        var key = UserKey(user, "AKIAUSERKEY000000001");

        Assert.Equal(AccessKeyCreateOutcome.Created, await Iam.CreateAccessKeyAsync(key, 2));

        StoreAssert.SameAccessKey(key, await Identity.GetAccessKeyAsync(key.AccessKeyId));
        StoreAssert.SameAccessKey(key, Assert.Single(await Iam.ListAccessKeysAsync(AccountId, user.UserId)));
    }

    [Fact]
    public async Task Create_access_key_beyond_the_quota_is_refused_and_stores_nothing()
    {
        var user = await NewUserAsync("app");
        await Iam.CreateAccessKeyAsync(UserKey(user, "AKIAUSERKEY000000001"), 2);
        await Iam.CreateAccessKeyAsync(UserKey(user, "AKIAUSERKEY000000002", Now.AddSeconds(5)), 2);

        Assert.Equal(AccessKeyCreateOutcome.LimitExceeded, await Iam.CreateAccessKeyAsync(UserKey(user, "AKIAUSERKEY000000003"), 2));

        Assert.Null(await Identity.GetAccessKeyAsync("AKIAUSERKEY000000003"));
        Assert.Equal(["AKIAUSERKEY000000001", "AKIAUSERKEY000000002"],
            (await Iam.ListAccessKeysAsync(AccountId, user.UserId)).Select(k => k.AccessKeyId));
    }

    [Fact]
    public async Task The_account_roots_first_key_counts_toward_its_quota()
    {
        await EnsureAccountAsync(AccountId);
        var root = RootAccessKey(AccountId, "AKIAROOT000000000009");

        Assert.Equal(AccessKeyCreateOutcome.Created, await Iam.CreateAccessKeyAsync(root, 2));
        Assert.Equal(AccessKeyCreateOutcome.LimitExceeded, await Iam.CreateAccessKeyAsync(RootAccessKey(AccountId, "AKIAROOT000000000010"), 2));
        Assert.Equal([RootKeyId, "AKIAROOT000000000009"], (await Iam.ListAccessKeysAsync(AccountId, AccountId)).Select(k => k.AccessKeyId));
    }

    [Fact]
    public async Task Create_access_key_for_a_deleted_user_returns_NoSuchUser()
    {
        var user = await NewUserAsync("app");
        await Iam.DeleteUserAsync(AccountId, "app");

        Assert.Equal(AccessKeyCreateOutcome.NoSuchUser, await Iam.CreateAccessKeyAsync(UserKey(user, "AKIAUSERKEY000000001"), 2));
        Assert.Null(await Identity.GetAccessKeyAsync("AKIAUSERKEY000000001"));
    }

    [Fact]
    public async Task Update_access_key_status_changes_only_the_status()
    {
        var user = await NewUserAsync("app");
        var key = UserKey(user, "AKIAUSERKEY000000001");
        await Iam.CreateAccessKeyAsync(key, 2);

        Assert.True(await Iam.UpdateAccessKeyStatusAsync(key.AccessKeyId, AccessKeyStatus.Inactive));
        StoreAssert.SameAccessKey(key with { Status = AccessKeyStatus.Inactive }, await Identity.GetAccessKeyAsync(key.AccessKeyId));
        Assert.True(await Iam.UpdateAccessKeyStatusAsync(key.AccessKeyId, AccessKeyStatus.Active));
        StoreAssert.SameAccessKey(key, await Identity.GetAccessKeyAsync(key.AccessKeyId));
        Assert.False(await Iam.UpdateAccessKeyStatusAsync("AKIANOSUCHKEY0000001", AccessKeyStatus.Inactive));
    }

    [Fact]
    public async Task Delete_access_key_removes_it_and_frees_the_quota()
    {
        var user = await NewUserAsync("app");
        await Iam.CreateAccessKeyAsync(UserKey(user, "AKIAUSERKEY000000001"), 1);

        Assert.True(await Iam.DeleteAccessKeyAsync("AKIAUSERKEY000000001"));

        Assert.False(await Iam.DeleteAccessKeyAsync("AKIAUSERKEY000000001"));
        Assert.Null(await Identity.GetAccessKeyAsync("AKIAUSERKEY000000001"));
        Assert.Equal(AccessKeyCreateOutcome.Created, await Iam.CreateAccessKeyAsync(UserKey(user, "AKIAUSERKEY000000002"), 1));
        Assert.Equal(IamDeleteOutcome.HasAccessKeys, await Iam.DeleteUserAsync(AccountId, "app"));
    }

    [Fact]
    public async Task Access_keys_of_the_same_instant_list_in_the_order_they_were_stored()
    {
        var user = await NewUserAsync("app");
        await Iam.CreateAccessKeyAsync(UserKey(user, "AKIAUSERKEY00000000Z"), 2);
        await Iam.CreateAccessKeyAsync(UserKey(user, "AKIAUSERKEY00000000A"), 2);

        Assert.Equal(["AKIAUSERKEY00000000Z", "AKIAUSERKEY00000000A"],
            (await Iam.ListAccessKeysAsync(AccountId, user.UserId)).Select(k => k.AccessKeyId));
    }

    [Fact]
    public async Task List_access_keys_returns_only_that_principals_keys()
    {
        var app = await NewUserAsync("app");
        var other = await NewUserAsync("other");
        await Iam.CreateAccessKeyAsync(UserKey(app, "AKIAUSERKEY000000001"), 2);
        await Iam.CreateAccessKeyAsync(UserKey(other, "AKIAUSERKEY000000002"), 2);

        Assert.Equal(["AKIAUSERKEY000000001"], (await Iam.ListAccessKeysAsync(AccountId, app.UserId)).Select(k => k.AccessKeyId));
        Assert.Equal([RootKeyId], (await Iam.ListAccessKeysAsync(AccountId, AccountId)).Select(k => k.AccessKeyId));
    }

    private static IamUser User(string name, string path = "/", string account = AccountId) => new(
        account, name, "AIDA" + RandomId(), path, $"arn:aws:iam::{account}:user{path}{name}", Now,
        [new IamTag("team", "kms"), new IamTag("empty", "")]);

    private static IamRole Role(string name, string path = "/") => new(
        AccountId, name, "AROA" + RandomId(), path, $"arn:aws:iam::{AccountId}:role{path}{name}",
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"}]}""",
        "Deploys — ünïcødé", 7200, Now.AddMinutes(1), [new IamTag("env", "prod")]);

    private static InlinePolicy Policy(string name) =>
        new(name, $$$"""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"kms:Encrypt","Resource":"*","Sid":"{{{name}}}"}}""");

    private static AccessKeyRecord UserKey(IamUser user, string accessKeyId, DateTimeOffset? created = null) => new(
        accessKeyId, user.AccountId, user.Arn, PrincipalType.IAMUser, user.UserId, RandomNumberGenerator.GetBytes(69),
        AccessKeyStatus.Active, created ?? Now);

    private static string RandomId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    private static void SameUser(IamUser expected, IamUser? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected with { Tags = [] }, actual with { Tags = [] });
    }

    private static void SameRole(IamRole expected, IamRole? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected with { Tags = [] }, actual with { Tags = [] });
    }
}
