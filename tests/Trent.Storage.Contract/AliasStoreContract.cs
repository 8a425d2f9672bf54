using Trent.Core.Keys;
using Trent.Core.Storage;
using static Trent.Storage.Contract.TestData;

namespace Trent.Storage.Contract;

/// <summary>The <see cref="IKeyStore"/> contract for aliases.</summary>
public abstract class AliasStoreContract : StoreContract
{
    [Fact]
    public async Task Create_alias_then_get_round_trips_every_field()
    {
        var alias = new KeyAlias(AccountId, Region, "alias/app/prod", Guid.NewGuid().ToString(), Now.AddDays(-2), Now.AddDays(-1));

        var created = await Keys.TryCreateAliasAsync(alias);

        Assert.True(created);
        Assert.Equal(alias, await Keys.GetAliasAsync(AccountId, Region, "alias/app/prod"));
    }

    [Fact]
    public async Task Get_of_a_missing_alias_returns_null()
    {
        await Keys.TryCreateAliasAsync(Alias("alias/present", "k1"));

        Assert.Null(await Keys.GetAliasAsync(AccountId, Region, "alias/absent"));
        Assert.Null(await Keys.GetAliasAsync(OtherAccountId, Region, "alias/present"));
    }

    [Fact]
    public async Task Create_alias_with_a_taken_name_returns_false_and_keeps_the_original()
    {
        var original = Alias("alias/taken", "k1");
        await Keys.TryCreateAliasAsync(original);

        var created = await Keys.TryCreateAliasAsync(Alias("alias/taken", "k2") with { CreationDate = Now.AddDays(1) });

        Assert.False(created);
        Assert.Equal(original, await Keys.GetAliasAsync(AccountId, Region, "alias/taken"));
    }

    [Fact]
    public async Task The_same_alias_name_in_other_accounts_and_regions_is_a_different_alias()
    {
        Assert.True(await Keys.TryCreateAliasAsync(Alias("alias/shared", "k1")));
        Assert.True(await Keys.TryCreateAliasAsync(Alias("alias/shared", "k2", account: OtherAccountId)));
        Assert.True(await Keys.TryCreateAliasAsync(Alias("alias/shared", "k3", region: OtherRegion)));

        Assert.Equal("k1", (await Keys.GetAliasAsync(AccountId, Region, "alias/shared"))!.TargetKeyId);
        Assert.Equal("k2", (await Keys.GetAliasAsync(OtherAccountId, Region, "alias/shared"))!.TargetKeyId);
        Assert.Equal("k3", (await Keys.GetAliasAsync(AccountId, OtherRegion, "alias/shared"))!.TargetKeyId);
    }

    [Fact]
    public async Task Update_alias_changes_the_target_and_last_updated_date_only()
    {
        var original = Alias("alias/moving", "k1");
        await Keys.TryCreateAliasAsync(original);

        var updated = await Keys.TryUpdateAliasAsync(original with
        {
            TargetKeyId = "k2",
            CreationDate = Now.AddYears(-1),
            LastUpdatedDate = Now.AddHours(1),
        });

        Assert.True(updated);
        Assert.Equal(
            original with { TargetKeyId = "k2", LastUpdatedDate = Now.AddHours(1) },
            await Keys.GetAliasAsync(AccountId, Region, "alias/moving"));
    }

    [Fact]
    public async Task Update_of_a_missing_alias_returns_false_and_creates_nothing()
    {
        var updated = await Keys.TryUpdateAliasAsync(Alias("alias/ghost", "k1"));

        Assert.False(updated);
        Assert.Null(await Keys.GetAliasAsync(AccountId, Region, "alias/ghost"));
    }

    [Fact]
    public async Task Delete_alias_removes_it_and_reports_whether_it_existed()
    {
        await Keys.TryCreateAliasAsync(Alias("alias/doomed", "k1"));
        await Keys.TryCreateAliasAsync(Alias("alias/kept", "k1"));

        Assert.True(await Keys.DeleteAliasAsync(AccountId, Region, "alias/doomed"));
        Assert.False(await Keys.DeleteAliasAsync(AccountId, Region, "alias/doomed"));
        Assert.Null(await Keys.GetAliasAsync(AccountId, Region, "alias/doomed"));
        Assert.NotNull(await Keys.GetAliasAsync(AccountId, Region, "alias/kept"));
    }

    [Fact]
    public async Task List_aliases_returns_one_account_and_region_in_name_order()
    {
        string[] names = ["alias/b", "alias/a/z", "alias/C", "alias/a", "alias/a-b"];
        foreach (var name in names)
        {
            await Keys.TryCreateAliasAsync(Alias(name, "k1"));
        }
        await Keys.TryCreateAliasAsync(Alias("alias/other-account", "k1", account: OtherAccountId));
        await Keys.TryCreateAliasAsync(Alias("alias/other-region", "k1", region: OtherRegion));

        var listed = await Keys.ListAliasesAsync(AccountId, Region, null, null, 100);

        Assert.Equal(names.Order(StringComparer.Ordinal), listed.Select(a => a.AliasName));
        Assert.All(listed, a => Assert.Equal(Alias(a.AliasName, "k1"), a));
    }

    [Fact]
    public async Task List_aliases_pages_strictly_after_the_given_name_up_to_the_limit()
    {
        var names = Enumerable.Range(0, 5).Select(i => $"alias/n{i}").ToList();
        foreach (var name in names)
        {
            await Keys.TryCreateAliasAsync(Alias(name, "k1"));
        }

        var firstPage = await Keys.ListAliasesAsync(AccountId, Region, null, null, 2);
        var secondPage = await Keys.ListAliasesAsync(AccountId, Region, null, firstPage[^1].AliasName, 2);
        var lastPage = await Keys.ListAliasesAsync(AccountId, Region, null, secondPage[^1].AliasName, 2);

        Assert.Equal(names[..2], firstPage.Select(a => a.AliasName));
        Assert.Equal(names[2..4], secondPage.Select(a => a.AliasName));
        Assert.Equal(names[4..], lastPage.Select(a => a.AliasName));
        Assert.Empty(await Keys.ListAliasesAsync(AccountId, Region, null, names[^1], 2));
    }

    [Fact]
    public async Task List_aliases_filters_by_target_key_with_paging()
    {
        foreach (var (name, target) in new[] { ("alias/a", "k1"), ("alias/b", "k2"), ("alias/c", "k1"), ("alias/d", "k1"), ("alias/e", "k2") })
        {
            await Keys.TryCreateAliasAsync(Alias(name, target));
        }
        await Keys.TryCreateAliasAsync(Alias("alias/f", "k1", region: OtherRegion));

        var ofK1 = await Keys.ListAliasesAsync(AccountId, Region, "k1", null, 100);
        var ofK1AfterA = await Keys.ListAliasesAsync(AccountId, Region, "k1", "alias/a", 1);
        var ofK3 = await Keys.ListAliasesAsync(AccountId, Region, "k3", null, 100);

        Assert.Equal(["alias/a", "alias/c", "alias/d"], ofK1.Select(a => a.AliasName));
        Assert.Equal(["alias/c"], ofK1AfterA.Select(a => a.AliasName));
        Assert.Empty(ofK3);
    }

    [Fact]
    public async Task Count_aliases_counts_those_of_one_key_in_one_account_and_region()
    {
        foreach (var (name, target) in new[] { ("alias/a", "k1"), ("alias/b", "k2"), ("alias/c", "k1") })
        {
            await Keys.TryCreateAliasAsync(Alias(name, target));
        }
        await Keys.TryCreateAliasAsync(Alias("alias/a", "k1", account: OtherAccountId));

        Assert.Equal(2, await Keys.CountAliasesAsync(AccountId, Region, "k1"));
        Assert.Equal(1, await Keys.CountAliasesAsync(AccountId, Region, "k2"));
        Assert.Equal(0, await Keys.CountAliasesAsync(AccountId, OtherRegion, "k1"));
    }

    [Fact]
    public async Task Concurrent_creates_of_one_alias_name_let_exactly_one_win()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(async () => await Keys.TryCreateAliasAsync(Alias("alias/race", $"k{i}")))));

        Assert.Single(results, created => created);
        Assert.NotNull(await Keys.GetAliasAsync(AccountId, Region, "alias/race"));
    }
}
