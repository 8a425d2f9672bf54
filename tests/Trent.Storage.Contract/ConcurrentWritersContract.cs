using System.Security.Cryptography;
using Trent.Core.Authorization.Grants;
using Trent.Core.Identity;
using Trent.Core.Identity.Iam;
using Trent.Core.Storage;
using static Trent.Storage.Contract.TestData;

namespace Trent.Storage.Contract;

/// <summary>
/// Check-then-write units racing each other, as writers on several nodes do: every quota and dependency check holds
/// against concurrent writers, never just against those that committed before the check.
/// </summary>
public abstract class ConcurrentWritersContract : StoreContract
{
    private const int Writers = 12;

    [Fact]
    public async Task Grants_created_at_once_on_one_key_stop_exactly_at_the_maximum()
    {
        for (var round = 0; round < 3; round++)
        {
            var key = NewArn();
            await Keys.CreateKeyAsync(Key(key), null);

            var outcomes = await AllAtOnceAsync(i => Grants.TryCreateAsync(
                new Grant((round * Writers + i).ToString("x64", System.Globalization.CultureInfo.InvariantCulture), key, "arn:aws:iam::111122223333:role/app", null,
                    ["Decrypt"], null, null, Now), 5));

            Assert.Equal(5, outcomes.Count(o => o == GrantCreation.Created));
            Assert.Equal(Writers - 5, outcomes.Count(o => o == GrantCreation.LimitExceeded));
            Assert.Equal(5, await Grants.CountAsync(key));
        }
    }

    [Fact]
    public async Task Access_keys_created_at_once_for_one_user_stop_exactly_at_the_quota()
    {
        for (var round = 0; round < 3; round++)
        {
            var user = await NewUserAsync();

            var outcomes = await AllAtOnceAsync(i => Iam.CreateAccessKeyAsync(UserKey(user, $"AKIAUSERKEY{round}{i:00000000}"), 2));

            Assert.Equal(2, outcomes.Count(o => o == AccessKeyCreateOutcome.Created));
            Assert.Equal(2, (await Iam.ListAccessKeysAsync(AccountId, user.UserId)).Count);
        }
    }

    [Fact]
    public async Task A_user_deleted_while_policies_are_put_is_either_kept_with_them_or_gone_without_them()
    {
        for (var round = 0; round < 5; round++)
        {
            var user = await NewUserAsync();
            var delete = Task.Run(async () => await Iam.DeleteUserAsync(AccountId, user.UserName));
            var puts = AllAtOnceAsync(i => Iam.PutInlinePolicyAsync(PolicyOwnerKind.User, user.UserId, new InlinePolicy($"p{i}", "{}")));

            var (deleted, put) = (await delete, await puts);

            var policies = await Iam.ListInlinePoliciesAsync(PolicyOwnerKind.User, user.UserId);
            if (deleted == IamDeleteOutcome.Deleted)
            {
                Assert.Null(await Iam.GetUserAsync(AccountId, user.UserName));
                Assert.Empty(policies);
            }
            else
            {
                Assert.Equal(IamDeleteOutcome.HasPolicies, deleted);
                Assert.Equal(put.Count(stored => stored), policies.Count);
            }
        }
    }

    private static async Task<T[]> AllAtOnceAsync<T>(Func<int, ValueTask<T>> write)
    {
        using var go = new ManualResetEventSlim();
        var writers = Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            go.Wait();
            return await write(i);
        })).ToArray();
        go.Set();
        return await Task.WhenAll(writers);
    }

    private async Task<IamUser> NewUserAsync()
    {
        if (await Identity.GetAccountAsync(AccountId) is null)
        {
            await Identity.CreateAccountAsync(NewAccount(AccountId), RootAccessKey(AccountId, "AKIAROOT000000000001"));
        }
        var name = "u" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        var user = new IamUser(AccountId, name, "AIDA" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)), "/",
            $"arn:aws:iam::{AccountId}:user/{name}", Now, []);
        Assert.True(await Iam.CreateUserAsync(user));
        return user;
    }

    private static AccessKeyRecord UserKey(IamUser user, string accessKeyId) => new(
        accessKeyId, user.AccountId, user.Arn, PrincipalType.IAMUser, user.UserId, RandomNumberGenerator.GetBytes(69), AccessKeyStatus.Active, Now);
}
