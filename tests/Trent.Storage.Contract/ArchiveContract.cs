using System.Text.Json;
using Trent.Core.Audit;
using Trent.Core.Authorization.Grants;
using Trent.Core.Identity;
using Trent.Core.Identity.Iam;
using Trent.Core.Keys;
using Trent.Core.Storage;
using static Trent.Storage.Contract.TestData;

namespace Trent.Storage.Contract;

/// <summary>The <see cref="IStoreArchive"/> contract: every row out in one snapshot, and in again unchanged.</summary>
public abstract class ArchiveContract : StoreContract
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    [Fact]
    public async Task Export_then_import_into_an_empty_store_reproduces_every_row()
    {
        var expected = await PopulateAsync();
        var exported = await ExportAllAsync(Store);
        await using var target = await CreateStoresAsync();

        await target.Store.Archive.ImportAsync(ToAsync(exported));

        Assert.Equal(Describe(exported), Describe(await ExportAllAsync(target.Store)));
        // And through the ports, as the server reads them.
        var key = await target.Store.Keys.GetKeyAsync(expected.Key.Arn);
        StoreAssert.SameKey(expected.Key, key?.Key);
        StoreAssert.SameMaterials(expected.Materials, key!.Materials);
        Assert.Equal(expected.Key.KeyId, (await target.Store.Keys.GetAliasAsync(AccountId, Region, "alias/app"))?.TargetKeyId);
        Assert.Equal(expected.Grant.GrantId, (await target.Store.Grants.GetAsync(expected.Key.Arn, expected.Grant.GrantId))?.GrantId);
        Assert.Equal(
            expected.UserKeys.Select(k => k.AccessKeyId),
            (await target.Store.Iam.ListAccessKeysAsync(AccountId, expected.User.UserId)).Select(k => k.AccessKeyId));
        Assert.Equal("{\"Statement\":[]}", (await target.Store.Iam.GetInlinePolicyAsync(PolicyOwnerKind.User, expected.User.UserId, "Ops"))?.Document);
        Assert.Equal("Decrypt", (await target.Store.KeyUsage.GetAsync(expected.Key.Arn))?.Operation);
        Assert.Equal("check-value", await target.Store.Meta.GetAsync("root_key_check"));
    }

    [Fact]
    public async Task Export_counts_its_records_and_lists_them_in_reference_order()
    {
        await PopulateAsync();

        await using var export = await Store.Archive.ExportAsync();
        var records = new List<ArchiveRecord>();
        await foreach (var record in export.Records)
        {
            records.Add(record);
        }

        Assert.Equal(export.Count, records.Count);
        var order = records.Select(r => r.GetType().Name).Distinct().ToList();
        Assert.Equal(
            ["AccountRow", "AccessKeyRow", "UserRow", "RoleRow", "PolicyRow", "KeyRow", "AliasRow", "GrantRow", "KeyUsageRow", "MetaRow"], order);
    }

    [Fact]
    public async Task Export_reads_one_snapshot_that_later_writes_do_not_change()
    {
        await PopulateAsync();

        await using var export = await Store.Archive.ExportAsync();
        var late = Key(NewArn()) with { Description = "written after the snapshot" };
        await Keys.CreateKeyAsync(late, Material("m-late", Now));
        var records = new List<ArchiveRecord>();
        await foreach (var record in export.Records)
        {
            records.Add(record);
        }

        Assert.Equal(export.Count, records.Count);
        Assert.DoesNotContain(records, r => r is ArchiveRecord.KeyRow k && k.Key.Key.Arn == late.Arn);
    }

    [Fact]
    public async Task Import_into_a_store_that_holds_data_refuses_and_changes_nothing()
    {
        await PopulateAsync();
        var exported = await ExportAllAsync(Store);
        var before = Describe(exported);

        await Assert.ThrowsAsync<StoreNotEmptyException>(async () => await Store.Archive.ImportAsync(ToAsync(exported)));

        Assert.Equal(before, Describe(await ExportAllAsync(Store)));
    }

    [Fact]
    public async Task An_import_that_fails_midway_leaves_the_store_empty()
    {
        await PopulateAsync();
        var exported = await ExportAllAsync(Store);
        await using var target = await CreateStoresAsync();

        await Assert.ThrowsAsync<IOException>(async () => await target.Store.Archive.ImportAsync(FailingAfter(exported, exported.Count / 2)));

        Assert.Empty(await ExportAllAsync(target.Store));
    }

    private sealed record Populated(KmsKey Key, IReadOnlyList<StoredMaterial> Materials, Grant Grant, IamUser User, IReadOnlyList<AccessKeyRecord> UserKeys);

    private async Task<Populated> PopulateAsync()
    {
        await Identity.CreateAccountAsync(NewAccount(AccountId), RootAccessKey(AccountId, "AKIAROOT000000000001"));
        await Identity.CreateAccountAsync(NewAccount(OtherAccountId), RootAccessKey(OtherAccountId, "AKIAROOT000000000002"));
        var user = new IamUser(AccountId, "Alice", "AIDAALICE0000000001", "/team/", $"arn:aws:iam::{AccountId}:user/team/Alice", Now, [new IamTag("k", "ü")]);
        Assert.True(await Iam.CreateUserAsync(user));
        var role = new IamRole(AccountId, "Deployer", "AROADEPLOYER0000001", "/", $"arn:aws:iam::{AccountId}:role/Deployer", "{}", null, 3600, Now, []);
        Assert.True(await Iam.CreateRoleAsync(role));
        await Iam.PutInlinePolicyAsync(PolicyOwnerKind.User, user.UserId, new InlinePolicy("Ops", "{\"Statement\":[]}"));
        await Iam.PutInlinePolicyAsync(PolicyOwnerKind.Role, role.RoleId, new InlinePolicy("Deploy", "{}"));
        // Two keys of one user in the same millisecond: their order must survive.
        var userKeys = new[] { "AKIAUSERKEY000000002", "AKIAUSERKEY000000001" }
            .Select(id => RootAccessKey(AccountId, id) with { PrincipalType = PrincipalType.IAMUser, UserId = user.UserId, PrincipalArn = user.Arn })
            .ToList();
        foreach (var userKey in userKeys)
        {
            Assert.Equal(AccessKeyCreateOutcome.Created, await Iam.CreateAccessKeyAsync(userKey, 2));
        }
        var key = FullKey(NewArn()) with { CurrentMaterialId = "m2" };
        var materials = new[] { Material("m1", Now), Material("m2", Now.AddDays(1), RotationType.ON_DEMAND) };
        await Keys.CreateKeyAsync(key with { CurrentMaterialId = "m1" }, materials[0]);
        key = (await Keys.TryUpdateKeyAsync(key, materials[1]))!;
        await Keys.CreateKeyAsync(Key(NewArn(account: OtherAccountId)) with { CurrentMaterialId = null }, null);
        await Keys.TryCreateAliasAsync(Alias("alias/app", key.KeyId));
        var grant = new Grant(new string('a', 64), key.Arn, "arn:aws:iam::111122223333:role/app", null, ["Decrypt"],
            new GrantConstraints(GrantConstraintType.EncryptionContextEquals, new Dictionary<string, string> { ["k"] = "v" }), "g", Now);
        Assert.Equal(GrantCreation.Created, await Grants.TryCreateAsync(grant, 10));
        Assert.Equal(GrantCreation.Created, await Grants.TryCreateAsync(grant with { GrantId = new string('b', 64), Constraints = null, Name = null }, 10));
        await KeyUsage.RecordAsync([new KeyUsageRecord(key.Arn, new KeyLastUsage("Decrypt", Now, "event-1", "request-1"))]);
        await Meta.GetOrSetAsync("root_key_check", "check-value");
        return new Populated(key, materials, grant, user, userKeys);
    }

    private static async Task<List<ArchiveRecord>> ExportAllAsync(ITrentStore store)
    {
        await using var export = await store.Archive.ExportAsync();
        var records = new List<ArchiveRecord>();
        await foreach (var record in export.Records)
        {
            records.Add(record);
        }
        return records;
    }

    // Records hold lists and arrays, which compare by reference; their JSON compares by value.
    private static List<string> Describe(IEnumerable<ArchiveRecord> records) =>
        records.Select(r => r.GetType().Name + JsonSerializer.Serialize(r, r.GetType(), Json)).ToList();

#pragma warning disable CS1998 // An async stream over records already in memory.
    private static async IAsyncEnumerable<ArchiveRecord> ToAsync(IEnumerable<ArchiveRecord> records)
    {
        foreach (var record in records)
        {
            yield return record;
        }
    }

    private static async IAsyncEnumerable<ArchiveRecord> FailingAfter(IEnumerable<ArchiveRecord> records, int count)
    {
        foreach (var record in records.Take(count))
        {
            yield return record;
        }
        throw new IOException("The archive broke off.");
    }
#pragma warning restore CS1998
}
