using Trent.Core.Keys;
using Trent.Core.Storage;
using static Trent.Storage.Contract.TestData;

namespace Trent.Storage.Contract;

/// <summary>The <see cref="IKeyStore"/> contract for keys and their material versions.</summary>
public abstract class KeyStoreContract : StoreContract
{
    [Fact]
    public async Task Create_then_get_round_trips_every_field()
    {
        var key = FullKey(NewArn());
        var material = Material("m-current", key.CreationDate);

        await Keys.CreateKeyAsync(key, material);
        var stored = await Keys.GetKeyAsync(key.Arn);

        Assert.NotNull(stored);
        StoreAssert.SameKey(key, stored.Key);
        StoreAssert.SameMaterials([material], stored.Materials);
    }

    [Fact]
    public async Task Create_then_get_round_trips_absent_optional_fields()
    {
        var key = Key(NewArn()) with { Description = "", Tags = [], DeletionDate = null, CurrentMaterialId = null };

        await Keys.CreateKeyAsync(key, null);
        var stored = await Keys.GetKeyAsync(key.Arn);

        Assert.NotNull(stored);
        StoreAssert.SameKey(key, stored.Key);
        Assert.Empty(stored.Key.Tags);
        Assert.Null(stored.Key.DeletionDate);
        Assert.Null(stored.Key.Rotation.NextRotationDate);
        Assert.Null(stored.Key.CurrentMaterialId);
        Assert.Empty(stored.Materials);
    }

    [Fact]
    public async Task Create_keeps_the_version_it_is_given()
    {
        var key = Key(NewArn()) with { Version = 1 };

        await Keys.CreateKeyAsync(key, null);

        Assert.Equal(1, (await Keys.GetKeyAsync(key.Arn))!.Key.Version);
    }

    [Fact]
    public async Task Every_enum_member_round_trips()
    {
        // KeySpec has the most members, so cycling the others alongside it covers every member of every enum.
        var rotationTypes = new RotationType?[] { null, RotationType.AUTOMATIC, RotationType.ON_DEMAND };
        var keys = Enumerable.Range(0, Enum.GetValues<KeySpec>().Length).Select(i => Key(NewArn()) with
        {
            KeySpec = Nth<KeySpec>(i),
            KeyUsage = Nth<KeyUsage>(i),
            Origin = Nth<KeyOrigin>(i),
            State = Nth<KeyState>(i),
        }).ToList();

        for (var i = 0; i < keys.Count; i++)
        {
            await Keys.CreateKeyAsync(keys[i], Material($"m{i}", Now, rotationTypes[i % rotationTypes.Length]));
        }

        for (var i = 0; i < keys.Count; i++)
        {
            var stored = await Keys.GetKeyAsync(keys[i].Arn);
            StoreAssert.SameKey(keys[i], stored?.Key);
            Assert.Equal(rotationTypes[i % rotationTypes.Length], stored!.Materials.Single().Info.RotationType);
        }
    }

    [Fact]
    public async Task Dates_are_kept_to_the_millisecond_as_the_same_instant()
    {
        // 123.4567 ms past the second, at UTC+02:00: the store keeps the instant, truncated to the millisecond.
        var precise = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.FromHours(2)).AddTicks(1_234_567);
        var expected = new DateTimeOffset(2025, 3, 4, 3, 6, 7, 123, TimeSpan.Zero);
        var key = Key(NewArn()) with
        {
            CreationDate = precise,
            DeletionDate = precise,
            Rotation = new KeyRotationSettings(true, 365, precise),
        };

        await Keys.CreateKeyAsync(key, Material("m1", precise));
        var stored = await Keys.GetKeyAsync(key.Arn);

        Assert.NotNull(stored);
        Assert.Equal(expected.UtcTicks, stored.Key.CreationDate.UtcTicks);
        Assert.Equal(expected.UtcTicks, stored.Key.DeletionDate!.Value.UtcTicks);
        Assert.Equal(expected.UtcTicks, stored.Key.Rotation.NextRotationDate!.Value.UtcTicks);
        Assert.Equal(expected.UtcTicks, stored.Materials.Single().Info.CreatedAt.UtcTicks);
    }

    [Fact]
    public async Task Get_of_a_missing_key_returns_null()
    {
        await Keys.CreateKeyAsync(Key(NewArn()), null);

        Assert.Null(await Keys.GetKeyAsync(NewArn()));
    }

    [Fact]
    public async Task Keys_with_the_same_id_in_other_accounts_and_regions_are_distinct()
    {
        var arn = NewArn();
        var elsewhere = new[] { arn with { AccountId = OtherAccountId }, arn with { Region = OtherRegion } };
        await Keys.CreateKeyAsync(Key(arn) with { Description = "home" }, null);
        foreach (var other in elsewhere)
        {
            await Keys.CreateKeyAsync(Key(other) with { Description = other.ToString() }, null);
        }

        Assert.Equal("home", (await Keys.GetKeyAsync(arn))!.Key.Description);
        foreach (var other in elsewhere)
        {
            Assert.Equal(other.ToString(), (await Keys.GetKeyAsync(other))!.Key.Description);
        }
    }

    [Fact]
    public async Task Materials_are_returned_oldest_first()
    {
        var key = Key(NewArn()) with { CurrentMaterialId = "z-first" };
        // Ids and dates deliberately out of order: insertion order alone decides.
        var first = Material("z-first", Now);
        var second = Material("a-second", Now.AddDays(-1), RotationType.ON_DEMAND);
        var third = Material("m-third", Now.AddDays(-2), RotationType.AUTOMATIC);
        await Keys.CreateKeyAsync(key, first);

        var v2 = await Keys.TryUpdateKeyAsync(key with { CurrentMaterialId = "a-second" }, second);
        var v3 = await Keys.TryUpdateKeyAsync(v2! with { CurrentMaterialId = "m-third" }, third);
        var stored = await Keys.GetKeyAsync(key.Arn);

        Assert.NotNull(v3);
        StoreAssert.SameMaterials([first, second, third], stored!.Materials);
        Assert.Equal("m-third", stored.Key.CurrentMaterialId);
    }

    [Fact]
    public async Task Update_with_the_current_version_commits_and_bumps_the_version()
    {
        var key = Key(NewArn());
        await Keys.CreateKeyAsync(key, null);
        var changed = FullKey(key.Arn) with { Version = 1 };

        var committed = await Keys.TryUpdateKeyAsync(changed, null);
        var stored = await Keys.GetKeyAsync(key.Arn);

        Assert.NotNull(committed);
        StoreAssert.SameKey(changed with { Version = 2 }, committed);
        StoreAssert.SameKey(changed with { Version = 2 }, stored!.Key);
    }

    [Fact]
    public async Task Update_with_stale_version_returns_null()
    {
        var key = Key(NewArn());
        await Keys.CreateKeyAsync(key, null);
        await Keys.TryUpdateKeyAsync(key with { Description = "first writer" }, null);

        var late = await Keys.TryUpdateKeyAsync(key with { Description = "second writer" }, Material("m-late", Now));
        var stored = await Keys.GetKeyAsync(key.Arn);

        Assert.Null(late);
        Assert.Equal("first writer", stored!.Key.Description);
        Assert.Equal(2, stored.Key.Version);
        Assert.Empty(stored.Materials);
    }

    [Fact]
    public async Task Two_concurrent_updates_from_the_same_version_let_exactly_one_win()
    {
        var key = Key(NewArn());
        await Keys.CreateKeyAsync(key, null);

        var results = await Task.WhenAll(
            Task.Run(async () => await Keys.TryUpdateKeyAsync(key with { Description = "A" }, Material("m-a", Now))),
            Task.Run(async () => await Keys.TryUpdateKeyAsync(key with { Description = "B" }, Material("m-b", Now))));
        var stored = await Keys.GetKeyAsync(key.Arn);

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(2, winner!.Version);
        Assert.Equal(winner.Description, stored!.Key.Description);
        Assert.Equal(2, stored.Key.Version);
        Assert.Equal(winner.Description == "A" ? "m-a" : "m-b", Assert.Single(stored.Materials).Info.MaterialId);
    }

    [Fact]
    public async Task Update_of_a_missing_key_returns_null()
    {
        var key = Key(NewArn());

        Assert.Null(await Keys.TryUpdateKeyAsync(key, null));
        Assert.Null(await Keys.GetKeyAsync(key.Arn));
    }

    [Fact]
    public async Task Update_whose_material_cannot_be_stored_changes_nothing()
    {
        var key = Key(NewArn());
        await Keys.CreateKeyAsync(key, Material("m1", Now));

        // A material id already used by the key cannot be added: the key's update must roll back with it.
        await Assert.ThrowsAnyAsync<Exception>(async () =>
            await Keys.TryUpdateKeyAsync(key with { Description = "changed" }, Material("m1", Now.AddDays(1))));
        var stored = await Keys.GetKeyAsync(key.Arn);

        Assert.Equal(1, stored!.Key.Version);
        Assert.Equal("", stored.Key.Description);
        Assert.Single(stored.Materials);
    }

    [Fact]
    public async Task Delete_removes_the_key_its_materials_and_its_aliases()
    {
        var key = Key(NewArn());
        var other = Key(NewArn());
        var sameIdElsewhere = Key(key.Arn with { Region = OtherRegion });
        await Keys.CreateKeyAsync(key, Material("m1", Now));
        await Keys.TryUpdateKeyAsync(key, Material("m2", Now));
        await Keys.CreateKeyAsync(other, null);
        await Keys.CreateKeyAsync(sameIdElsewhere, null);
        await Keys.TryCreateAliasAsync(Alias("alias/one", key.KeyId));
        await Keys.TryCreateAliasAsync(Alias("alias/two", key.KeyId));
        await Keys.TryCreateAliasAsync(Alias("alias/other", other.KeyId));
        await Keys.TryCreateAliasAsync(Alias("alias/one", key.KeyId, region: OtherRegion));

        var deleted = await Keys.DeleteKeyAsync(key.Arn);

        Assert.True(deleted);
        Assert.Null(await Keys.GetKeyAsync(key.Arn));
        Assert.Null(await Keys.GetAliasAsync(AccountId, Region, "alias/one"));
        Assert.Null(await Keys.GetAliasAsync(AccountId, Region, "alias/two"));
        Assert.Equal(0, await Keys.CountAliasesAsync(AccountId, Region, key.KeyId));
        Assert.NotNull(await Keys.GetAliasAsync(AccountId, Region, "alias/other"));
        Assert.NotNull(await Keys.GetAliasAsync(AccountId, OtherRegion, "alias/one"));
        Assert.NotNull(await Keys.GetKeyAsync(other.Arn));
        Assert.NotNull(await Keys.GetKeyAsync(sameIdElsewhere.Arn));
        // Re-creating the key id shows no material survived the delete.
        await Keys.CreateKeyAsync(key, null);
        Assert.Empty((await Keys.GetKeyAsync(key.Arn))!.Materials);
    }

    [Fact]
    public async Task Delete_of_a_missing_key_returns_false()
    {
        Assert.False(await Keys.DeleteKeyAsync(NewArn()));
    }

    [Fact]
    public async Task List_keys_returns_one_account_and_region_in_key_id_order()
    {
        var arns = Enumerable.Range(0, 5).Select(_ => NewArn()).ToList();
        foreach (var arn in arns)
        {
            await Keys.CreateKeyAsync(Key(arn), null);
        }
        await Keys.CreateKeyAsync(Key(NewArn(account: OtherAccountId)), null);
        await Keys.CreateKeyAsync(Key(NewArn(region: OtherRegion)), null);

        var listed = await Keys.ListKeysAsync(AccountId, Region, null, 100);

        Assert.Equal(arns.OrderBy(a => a.KeyId, StringComparer.Ordinal), listed);
    }

    [Fact]
    public async Task List_keys_pages_strictly_after_the_given_key_id_up_to_the_limit()
    {
        var ids = Enumerable.Range(0, 7).Select(_ => NewArn()).OrderBy(a => a.KeyId, StringComparer.Ordinal).ToList();
        foreach (var arn in ids)
        {
            await Keys.CreateKeyAsync(Key(arn), null);
        }

        var pages = new List<IReadOnlyList<KeyArn>>();
        string? after = null;
        do
        {
            var page = await Keys.ListKeysAsync(AccountId, Region, after, 3);
            pages.Add(page);
            after = page.Count == 3 ? page[^1].KeyId : null;
        }
        while (after is not null);

        Assert.Equal([3, 3, 1], pages.Select(p => p.Count));
        Assert.Equal(ids, pages.SelectMany(p => p));
        Assert.Equal(ids.Skip(3).Take(2), await Keys.ListKeysAsync(AccountId, Region, ids[2].KeyId, 2));
        Assert.Empty(await Keys.ListKeysAsync(AccountId, Region, ids[^1].KeyId, 3));
    }

    [Fact]
    public async Task Count_keys_counts_one_account_and_region()
    {
        for (var i = 0; i < 3; i++)
        {
            await Keys.CreateKeyAsync(Key(NewArn()), null);
        }
        await Keys.CreateKeyAsync(Key(NewArn(account: OtherAccountId)), null);
        await Keys.CreateKeyAsync(Key(NewArn(region: OtherRegion)), null);

        Assert.Equal(3, await Keys.CountKeysAsync(AccountId, Region));
        Assert.Equal(1, await Keys.CountKeysAsync(OtherAccountId, Region));
        Assert.Equal(0, await Keys.CountKeysAsync(OtherAccountId, OtherRegion));
    }

    [Fact]
    public async Task Keys_pending_deletion_are_due_from_their_deletion_date()
    {
        var overdue = await CreateAsync(k => k with { State = KeyState.PendingDeletion, DeletionDate = Now.AddMilliseconds(-1) });
        var dueNow = await CreateAsync(k => k with { State = KeyState.PendingDeletion, DeletionDate = Now });
        await CreateAsync(k => k with { State = KeyState.PendingDeletion, DeletionDate = Now.AddMilliseconds(1) });
        await CreateAsync(k => k with { State = KeyState.Enabled, DeletionDate = Now.AddDays(-1) });

        var due = await Keys.ListKeysDueAsync(Now, 100);

        Assert.Equal([overdue, dueNow], due);
    }

    [Fact]
    public async Task Enabled_keys_with_rotation_on_are_due_from_their_next_rotation_date()
    {
        var overdue = await CreateAsync(k => k with { Rotation = new KeyRotationSettings(true, 90, Now.AddDays(-1)) });
        var dueNow = await CreateAsync(k => k with { Rotation = new KeyRotationSettings(true, 90, Now) });
        await CreateAsync(k => k with { Rotation = new KeyRotationSettings(true, 90, Now.AddMilliseconds(1)) });

        var due = await Keys.ListKeysDueAsync(Now, 100);

        Assert.Equal([overdue, dueNow], due);
    }

    [Fact]
    public async Task Disabled_keys_and_keys_with_rotation_off_are_never_due_for_rotation()
    {
        await CreateAsync(k => k with { State = KeyState.Disabled, Rotation = new KeyRotationSettings(true, 90, Now.AddDays(-1)) });
        await CreateAsync(k => k with { State = KeyState.PendingImport, Rotation = new KeyRotationSettings(true, 90, Now.AddDays(-1)) });
        await CreateAsync(k => k with { Rotation = new KeyRotationSettings(false, 90, Now.AddDays(-1)) });
        await CreateAsync(k => k with { Rotation = KeyRotationSettings.Off });

        Assert.Empty(await Keys.ListKeysDueAsync(Now, 100));
    }

    [Fact]
    public async Task Due_keys_of_every_account_and_region_are_listed_most_overdue_first_up_to_the_limit()
    {
        var third = await CreateAsync(k => k with { Rotation = new KeyRotationSettings(true, 90, Now.AddHours(-1)) });
        var first = await CreateAsync(
            k => k with { State = KeyState.PendingDeletion, DeletionDate = Now.AddHours(-3) }, NewArn(account: OtherAccountId));
        var second = await CreateAsync(k => k with { Rotation = new KeyRotationSettings(true, 90, Now.AddHours(-2)) }, NewArn(region: OtherRegion));
        var fourth = await CreateAsync(k => k with { State = KeyState.PendingDeletion, DeletionDate = Now.AddMinutes(-1) });

        Assert.Equal([first, second, third, fourth], await Keys.ListKeysDueAsync(Now, 100));
        Assert.Equal([first, second], await Keys.ListKeysDueAsync(Now, 2));
        Assert.Equal([first, second, third], await Keys.ListKeysDueAsync(Now.AddMinutes(-30), 100));
    }

    [Fact]
    public async Task Concurrent_writers_from_many_tasks_all_commit()
    {
        const int Writers = 16;
        const int Rounds = 8;
        var shared = Key(NewArn());
        await Keys.CreateKeyAsync(shared, null);

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                await Keys.CreateKeyAsync(Key(NewArn()), Material($"m-{writer}-{round}", Now));
                // A contended compare-and-swap on one key, retried as KeyCatalog retries it.
                KmsKey? committed;
                do
                {
                    var current = (await Keys.GetKeyAsync(shared.Arn))!.Key;
                    committed = await Keys.TryUpdateKeyAsync(current with { Description = $"{writer}/{round}" }, null);
                }
                while (committed is null);
            }
        })));

        Assert.Equal(1 + (Writers * Rounds), await Keys.CountKeysAsync(AccountId, Region));
        Assert.Equal(1 + (Writers * Rounds), (await Keys.GetKeyAsync(shared.Arn))!.Key.Version);
    }

    private static T Nth<T>(int i) where T : struct, Enum => Enum.GetValues<T>()[i % Enum.GetValues<T>().Length];

    private async Task<KeyArn> CreateAsync(Func<KmsKey, KmsKey> shape, KeyArn? arn = null)
    {
        var key = shape(Key(arn ?? NewArn()));
        await Keys.CreateKeyAsync(key, null);
        return key.Arn;
    }
}
