using Trent.Core.Authorization.Grants;
using Trent.Core.Keys;
using Trent.Core.Storage;
using static Trent.Storage.Contract.TestData;

namespace Trent.Storage.Contract;

/// <summary>The <see cref="IGrantStore"/> contract.</summary>
public abstract class GrantStoreContract : StoreContract
{
    private const string Grantee = "arn:aws:iam::111122223333:role/app";
    private const string Retiree = "arn:aws:iam::111122223333:user/ops";

    private static int counter;

    /// <summary>A grant with every field set; ids increase with each call, so creation order is id order too.</summary>
    private static Grant FullGrant(KeyArn key, DateTimeOffset? created = null) => new(
        NewGrantId(),
        key,
        Grantee,
        Retiree,
        ["Encrypt", "Decrypt", "ReEncryptFrom"],
        new GrantConstraints(GrantConstraintType.EncryptionContextSubset, new Dictionary<string, string> { ["Dept"] = "IT", ["ünï"] = "✓ value" }),
        "app-grant",
        created ?? Now);

    private static Grant BareGrant(KeyArn key, DateTimeOffset? created = null, string grantee = Grantee) =>
        new(NewGrantId(), key, grantee, null, ["DescribeKey"], null, null, created ?? Now);

    private static string NewGrantId() => Interlocked.Increment(ref counter).ToString("x64", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<KeyArn> NewKeyAsync(string account = AccountId, string region = Region)
    {
        var arn = NewArn(account, region);
        await Keys.CreateKeyAsync(Key(arn), null);
        return arn;
    }

    private static void SameGrant(Grant expected, Grant? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Operations, actual.Operations);
        Assert.Equal(expected.Constraints?.Type, actual.Constraints?.Type);
        Assert.Equal(expected.Constraints?.Pairs.OrderBy(p => p.Key), actual.Constraints?.Pairs.OrderBy(p => p.Key));
        Assert.Equal(expected with { Operations = [], Constraints = null }, actual with { Operations = [], Constraints = null });
    }

    private static string[] Ids(IEnumerable<Grant> grants) => grants.Select(g => g.GrantId).ToArray();

    [Fact]
    public async Task Create_then_get_round_trips_every_field()
    {
        var key = await NewKeyAsync();
        var grant = FullGrant(key, Now.AddDays(-3));

        Assert.Equal(GrantCreation.Created, await Grants.TryCreateAsync(grant, 10));

        SameGrant(grant, await Grants.GetAsync(key, grant.GrantId));
    }

    [Fact]
    public async Task A_grant_without_name_retiring_principal_or_constraint_round_trips_with_nulls()
    {
        var key = await NewKeyAsync();
        var grant = BareGrant(key);

        await Grants.TryCreateAsync(grant, 10);

        var read = await Grants.GetAsync(key, grant.GrantId);
        SameGrant(grant, read);
        Assert.Null(read!.Name);
        Assert.Null(read.RetiringPrincipal);
        Assert.Null(read.Constraints);
    }

    [Fact]
    public async Task An_equals_constraint_round_trips_as_equals()
    {
        var key = await NewKeyAsync();
        var grant = BareGrant(key) with
        {
            Constraints = new GrantConstraints(GrantConstraintType.EncryptionContextEquals, new Dictionary<string, string> { ["a"] = "1" }),
        };

        await Grants.TryCreateAsync(grant, 10);

        SameGrant(grant, await Grants.GetAsync(key, grant.GrantId));
    }

    [Fact]
    public async Task Get_of_a_missing_grant_or_of_a_grant_on_another_key_returns_null()
    {
        var key = await NewKeyAsync();
        var other = await NewKeyAsync();
        var grant = BareGrant(key);
        await Grants.TryCreateAsync(grant, 10);

        Assert.Null(await Grants.GetAsync(key, NewGrantId()));
        Assert.Null(await Grants.GetAsync(other, grant.GrantId));
    }

    [Fact]
    public async Task Create_for_a_missing_key_returns_KeyNotFound_and_stores_nothing()
    {
        var missing = NewArn();
        var grant = BareGrant(missing);

        Assert.Equal(GrantCreation.KeyNotFound, await Grants.TryCreateAsync(grant, 10));

        Assert.Null(await Grants.GetAsync(missing, grant.GrantId));
    }

    [Fact]
    public async Task Create_beyond_the_per_key_maximum_returns_LimitExceeded_and_stores_nothing()
    {
        var key = await NewKeyAsync();
        var other = await NewKeyAsync();
        await Grants.TryCreateAsync(BareGrant(key), 2);
        await Grants.TryCreateAsync(BareGrant(key), 2);
        var third = BareGrant(key);

        Assert.Equal(GrantCreation.LimitExceeded, await Grants.TryCreateAsync(third, 2));

        Assert.Null(await Grants.GetAsync(key, third.GrantId));
        Assert.Equal(2, await Grants.CountAsync(key));
        Assert.Equal(GrantCreation.Created, await Grants.TryCreateAsync(BareGrant(other), 2));
    }

    [Fact]
    public async Task Find_by_name_returns_the_keys_grants_of_that_name_in_creation_order()
    {
        var key = await NewKeyAsync();
        var other = await NewKeyAsync();
        var later = BareGrant(key, Now.AddMinutes(1)) with { Name = "n" };
        var earlier = BareGrant(key, Now) with { Name = "n" };
        await Grants.TryCreateAsync(later, 10);
        await Grants.TryCreateAsync(earlier, 10);
        await Grants.TryCreateAsync(BareGrant(key) with { Name = "N" }, 10);
        await Grants.TryCreateAsync(BareGrant(key), 10);
        await Grants.TryCreateAsync(BareGrant(other) with { Name = "n" }, 10);

        var found = await Grants.FindByNameAsync(key, "n");

        Assert.Equal(Ids([earlier, later]), Ids(found));
    }

    [Fact]
    public async Task List_by_key_runs_in_creation_date_then_grant_id_order_and_resumes_after_a_position()
    {
        var key = await NewKeyAsync();
        var other = await NewKeyAsync();
        var grants = new[]
        {
            BareGrant(key, Now.AddSeconds(2)), BareGrant(key, Now), BareGrant(key, Now.AddSeconds(1)), BareGrant(key, Now),
        };
        foreach (var g in grants)
        {
            await Grants.TryCreateAsync(g, 10);
        }
        await Grants.TryCreateAsync(BareGrant(other), 10);
        var expected = Ids(grants.OrderBy(g => g.CreationDate).ThenBy(g => g.GrantId, StringComparer.Ordinal));

        var first = await Grants.ListByKeyAsync(key, null, null, null, 3);
        var rest = await Grants.ListByKeyAsync(key, null, null, GrantPosition.After(first[^1]), 3);

        Assert.Equal(expected[..3], Ids(first));
        Assert.Equal(expected[3..], Ids(rest));
    }

    [Fact]
    public async Task List_by_key_filters_by_grant_id_and_by_grantee()
    {
        var key = await NewKeyAsync();
        var mine = BareGrant(key, grantee: "arn:aws:iam::111122223333:user/me");
        var alsoMine = BareGrant(key, Now.AddSeconds(1), grantee: "arn:aws:iam::111122223333:user/me");
        var theirs = BareGrant(key);
        foreach (var g in new[] { mine, alsoMine, theirs })
        {
            await Grants.TryCreateAsync(g, 10);
        }

        Assert.Equal(Ids([theirs]), Ids(await Grants.ListByKeyAsync(key, theirs.GrantId, null, null, 10)));
        Assert.Equal(Ids([mine, alsoMine]), Ids(await Grants.ListByKeyAsync(key, null, "arn:aws:iam::111122223333:user/me", null, 10)));
        Assert.Empty(await Grants.ListByKeyAsync(key, theirs.GrantId, "arn:aws:iam::111122223333:user/me", null, 10));
    }

    [Fact]
    public async Task List_by_retiring_principal_spans_accounts_of_the_region_only_in_listing_order()
    {
        var mine = await NewKeyAsync();
        var theirs = await NewKeyAsync(OtherAccountId);
        var elsewhere = await NewKeyAsync(region: OtherRegion);
        var a = FullGrant(theirs, Now.AddSeconds(1));
        var b = FullGrant(mine, Now);
        var c = FullGrant(mine, Now.AddSeconds(2));
        foreach (var g in new[] { a, b, c, FullGrant(elsewhere), FullGrant(mine) with { RetiringPrincipal = "arn:aws:iam::111122223333:user/other" }, BareGrant(mine) })
        {
            await Grants.TryCreateAsync(g, 10);
        }

        var first = await Grants.ListByRetiringPrincipalAsync(Region, Retiree, null, 2);
        var rest = await Grants.ListByRetiringPrincipalAsync(Region, Retiree, GrantPosition.After(first[^1]), 2);

        Assert.Equal(Ids([b, a]), Ids(first));
        Assert.Equal(Ids([c]), Ids(rest));
    }

    [Fact]
    public async Task Delete_removes_only_that_grant_and_reports_whether_it_existed()
    {
        var key = await NewKeyAsync();
        var gone = BareGrant(key);
        var kept = BareGrant(key);
        await Grants.TryCreateAsync(gone, 10);
        await Grants.TryCreateAsync(kept, 10);

        Assert.True(await Grants.DeleteAsync(key, gone.GrantId));
        Assert.False(await Grants.DeleteAsync(key, gone.GrantId));

        Assert.Null(await Grants.GetAsync(key, gone.GrantId));
        Assert.NotNull(await Grants.GetAsync(key, kept.GrantId));
        Assert.Equal(1, await Grants.CountAsync(key));
    }

    [Fact]
    public async Task Deleting_a_key_deletes_its_grants_and_no_others()
    {
        var key = await NewKeyAsync();
        var other = await NewKeyAsync();
        await Grants.TryCreateAsync(FullGrant(key), 10);
        await Grants.TryCreateAsync(BareGrant(key), 10);
        var kept = FullGrant(other);
        await Grants.TryCreateAsync(kept, 10);

        Assert.True(await Keys.DeleteKeyAsync(key));

        Assert.Equal(0, await Grants.CountAsync(key));
        Assert.Empty(await Grants.ListByKeyAsync(key, null, null, null, 10));
        Assert.Equal(Ids([kept]), Ids(await Grants.ListByRetiringPrincipalAsync(Region, Retiree, null, 10)));
    }

    [Fact]
    public async Task Count_counts_the_grants_of_one_key()
    {
        var key = await NewKeyAsync();
        var other = await NewKeyAsync();
        for (var i = 0; i < 3; i++)
        {
            await Grants.TryCreateAsync(BareGrant(key), 10);
        }
        await Grants.TryCreateAsync(BareGrant(other), 10);

        Assert.Equal(3, await Grants.CountAsync(key));
        Assert.Equal(0, await Grants.CountAsync(NewArn()));
    }
}
