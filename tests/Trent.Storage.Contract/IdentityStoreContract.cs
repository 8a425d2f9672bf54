using Trent.Core.Identity;
using Trent.Core.Storage;
using static Trent.Storage.Contract.TestData;

namespace Trent.Storage.Contract;

/// <summary>The <see cref="IIdentityStore"/> contract.</summary>
public abstract class IdentityStoreContract : StoreContract
{
    [Fact]
    public async Task Create_account_then_get_round_trips_the_account_and_its_access_key()
    {
        var account = NewAccount(AccountId);
        var accessKey = RootAccessKey(AccountId, "AKIAEXAMPLE000000001");

        await Identity.CreateAccountAsync(account, accessKey);

        Assert.Equal(account, await Identity.GetAccountAsync(AccountId));
        StoreAssert.SameAccessKey(accessKey, await Identity.GetAccessKeyAsync("AKIAEXAMPLE000000001"));
    }

    [Fact]
    public async Task Every_principal_type_and_status_round_trips()
    {
        var records = Enum.GetValues<PrincipalType>()
            .SelectMany(type => Enum.GetValues<AccessKeyStatus>().Select(status => (type, status)))
            .Select((pair, i) => RootAccessKey($"10000000000{i}", $"AKIAEXAMPLE00000000{i}") with
            {
                PrincipalType = pair.type,
                Status = pair.status,
                PrincipalArn = $"arn:aws:iam::10000000000{i}:user/u{i}",
                UserId = $"AIDAUSER{i}",
            })
            .ToList();

        foreach (var record in records)
        {
            await Identity.CreateAccountAsync(NewAccount(record.AccountId), record);
        }

        foreach (var record in records)
        {
            StoreAssert.SameAccessKey(record, await Identity.GetAccessKeyAsync(record.AccessKeyId));
        }
    }

    [Fact]
    public async Task Get_of_a_missing_account_or_access_key_returns_null()
    {
        await Identity.CreateAccountAsync(NewAccount(AccountId), RootAccessKey(AccountId, "AKIAEXAMPLE000000001"));

        Assert.Null(await Identity.GetAccountAsync(OtherAccountId));
        Assert.Null(await Identity.GetAccessKeyAsync("AKIAEXAMPLE000000002"));
    }

    [Fact]
    public async Task List_accounts_returns_every_account_in_id_order()
    {
        string[] ids = ["555555555555", "111111111111", "333333333333"];
        for (var i = 0; i < ids.Length; i++)
        {
            await Identity.CreateAccountAsync(NewAccount(ids[i]) with { CreatedAt = Now.AddDays(i) }, RootAccessKey(ids[i], $"AKIAEXAMPLE00000000{i}"));
        }

        var accounts = await Identity.ListAccountsAsync();

        Assert.Equal(
            ids.Select((id, i) => NewAccount(id) with { CreatedAt = Now.AddDays(i) }).OrderBy(a => a.AccountId, StringComparer.Ordinal),
            accounts);
    }

    [Fact]
    public async Task List_accounts_of_an_empty_store_is_empty()
    {
        Assert.Empty(await Identity.ListAccountsAsync());
    }

    [Fact]
    public async Task Create_account_whose_access_key_cannot_be_stored_creates_no_account()
    {
        await Identity.CreateAccountAsync(NewAccount(AccountId), RootAccessKey(AccountId, "AKIAEXAMPLE000000001"));

        // The access key id is taken, so the whole creation must roll back, account included.
        await Assert.ThrowsAnyAsync<Exception>(async () =>
            await Identity.CreateAccountAsync(NewAccount(OtherAccountId), RootAccessKey(OtherAccountId, "AKIAEXAMPLE000000001")));

        Assert.Null(await Identity.GetAccountAsync(OtherAccountId));
        Assert.Equal(AccountId, (await Identity.GetAccessKeyAsync("AKIAEXAMPLE000000001"))!.AccountId);
        Assert.Single(await Identity.ListAccountsAsync());
    }
}
