using System.Text.Json;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.KeyManagement.Support;
using static Trent.Server.Tests.Grants.GrantKit;

namespace Trent.Server.Tests.Grants;

/// <summary>ListGrants: the GrantListEntry shape, the GrantId and GranteePrincipal filters, and paging (default 50, at most 100).</summary>
public sealed class ListGrantsTests(GrantServer fx) : IClassFixture<GrantServer>
{
    private async Task<List<string>> GrantManyAsync(string keyId, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await fx.Kms.GrantAsync(keyId, fx.RootArn, "Encrypt")).GrantId);
        }
        return ids;
    }

    [Fact]
    public async Task A_listed_grant_carries_every_field_as_AWS_names_it()
    {
        var key = await fx.NewKeyAsync();
        var grantee = await fx.Server.NewGranteeAsync();
        var retiree = await fx.Server.NewGranteeAsync();
        var created = await fx.Kms.CreateGrantAsync(new CreateGrantRequest
        {
            KeyId = key.KeyId,
            GranteePrincipal = grantee.Arn,
            RetiringPrincipal = retiree.Arn,
            Name = "full-grant",
            Operations = ["Encrypt", "Decrypt", "RetireGrant"],
            Constraints = new GrantConstraints { EncryptionContextSubset = Context("Dept", "IT") },
        });

        var grant = Assert.Single(await fx.Kms.GrantsOfAsync(key.KeyId));

        Assert.Equal((key.Arn, created.GrantId, "full-grant", grantee.Arn, retiree.Arn, fx.RootArn),
            (grant.KeyId, grant.GrantId, grant.Name, grant.GranteePrincipal, grant.RetiringPrincipal, grant.IssuingAccount));
        Assert.Equal(["Encrypt", "Decrypt", "RetireGrant"], grant.Operations);
        Assert.Equal(Context("Dept", "IT"), grant.Constraints.EncryptionContextSubset);
        var now = fx.Server.Clock.GetUtcNow();
        Assert.Equal(now.ToUnixTimeMilliseconds(), new DateTimeOffset(grant.CreationDate!.Value).ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Absent_name_retiring_principal_and_constraints_are_omitted_on_the_wire()
    {
        var key = await fx.NewKeyAsync();
        await fx.Kms.GrantAsync(key.KeyId, fx.RootArn, "Decrypt");
        var recorder = new WireRecorder();
        using var kms = fx.Server.KmsRecording(recorder);

        await kms.ListGrantsAsync(new ListGrantsRequest { KeyId = key.KeyId });

        var body = recorder.Last.Json;
        Assert.False(body.GetProperty("Truncated").GetBoolean());
        Assert.False(body.TryGetProperty("NextMarker", out _));
        var entry = Assert.Single(body.GetProperty("Grants").EnumerateArray().ToList());
        Assert.Equal(["KeyId", "GrantId", "CreationDate", "GranteePrincipal", "IssuingAccount", "Operations"], entry.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, entry.GetProperty("CreationDate").ValueKind);
    }

    [Fact]
    public async Task The_filters_select_one_grant_by_id_or_a_grantees_grants()
    {
        var key = await fx.NewKeyAsync();
        var grantee = await fx.Server.NewGranteeAsync();
        var mine = await fx.Kms.GrantAsync(key.KeyId, grantee.Arn, "Encrypt");
        var alsoMine = await fx.Kms.GrantAsync(key.KeyId, grantee.Arn, "Decrypt");
        var roots = await fx.Kms.GrantAsync(key.KeyId, fx.RootArn, "Encrypt");

        var byId = await fx.Kms.ListGrantsAsync(new ListGrantsRequest { KeyId = key.KeyId, GrantId = roots.GrantId });
        var byGrantee = await fx.Kms.ListGrantsAsync(new ListGrantsRequest { KeyId = key.KeyId, GranteePrincipal = grantee.Arn });
        var unknownId = await fx.Kms.ListGrantsAsync(new ListGrantsRequest { KeyId = key.KeyId, GrantId = new string('c', 64) });

        Assert.Equal([roots.GrantId], byId.Grants.Select(g => g.GrantId));
        Assert.Equal(new[] { mine.GrantId, alsoMine.GrantId }.Order(), byGrantee.Grants.Select(g => g.GrantId).Order());
        Assert.Empty(unknownId.Grants);
    }

    [Fact]
    public async Task Pages_follow_markers_through_every_grant_once()
    {
        var key = await fx.NewKeyAsync();
        var created = await GrantManyAsync(key.KeyId, 5);
        var seen = new List<string>();
        var pages = 0;
        string? marker = null;

        do
        {
            var page = await fx.Kms.ListGrantsAsync(new ListGrantsRequest { KeyId = key.KeyId, Limit = 2, Marker = marker });
            pages++;
            Assert.True(page.Grants.Count <= 2);
            seen.AddRange(page.Grants.Select(g => g.GrantId));
            marker = page.Truncated == true ? page.NextMarker : null;
            Assert.Equal(page.Truncated == true, page.NextMarker is not null);
        }
        while (marker is not null);

        Assert.Equal(3, pages);
        Assert.Equal(created.Order(), seen.Order());
    }

    [Fact]
    public async Task A_page_holds_50_grants_by_default_and_at_most_100()
    {
        var key = await fx.NewKeyAsync();
        await GrantManyAsync(key.KeyId, 101);

        var byDefault = await fx.Kms.ListGrantsAsync(new ListGrantsRequest { KeyId = key.KeyId });
        var large = await fx.Kms.ListGrantsAsync(new ListGrantsRequest { KeyId = key.KeyId, Limit = 1000 });
        var rest = await fx.Kms.ListGrantsAsync(new ListGrantsRequest { KeyId = key.KeyId, Limit = 1000, Marker = large.NextMarker });

        Assert.Equal((50, true), (byDefault.Grants.Count, byDefault.Truncated));
        Assert.Equal((100, true), (large.Grants.Count, large.Truncated));
        Assert.Equal((1, false), (rest.Grants.Count, rest.Truncated));
    }

    [Fact]
    public async Task A_foreign_marker_and_a_malformed_grant_id_are_refused()
    {
        var key = await fx.NewKeyAsync();
        var aliasesMarker = (await fx.Kms.ListKeysAsync(new ListKeysRequest { Limit = 1 })).NextMarker;

        await Expect.Error<InvalidMarkerException>(() => fx.Kms.ListGrantsAsync(new ListGrantsRequest { KeyId = key.KeyId, Marker = "bm90LWEtbWFya2Vy" }),
            "The marker that specifies where pagination should next begin is not valid.");
        if (aliasesMarker is not null)
        {
            await Expect.Error<InvalidMarkerException>(() => fx.Kms.ListGrantsAsync(new ListGrantsRequest { KeyId = key.KeyId, Marker = aliasesMarker }),
                "The marker that specifies where pagination should next begin is not valid.");
        }
        await Expect.Error<InvalidGrantIdException>(() => fx.Kms.ListGrantsAsync(new ListGrantsRequest { KeyId = key.KeyId, GrantId = "nope" }),
            "Grant ID nope is not valid.");
    }

    [Fact]
    public async Task Grants_of_disabled_keys_and_keys_pending_deletion_are_listed()
    {
        var disabled = await fx.NewKeyAsync();
        await fx.Kms.GrantAsync(disabled.KeyId, fx.RootArn, "Encrypt");
        await fx.Kms.DisableKeyAsync(new DisableKeyRequest { KeyId = disabled.KeyId });
        var pending = await fx.NewKeyAsync();
        await fx.Kms.GrantAsync(pending.KeyId, fx.RootArn, "Encrypt");
        await fx.Kms.ScheduleDeletionAsync(pending.KeyId, 7);

        Assert.Single(await fx.Kms.GrantsOfAsync(disabled.Arn));
        Assert.Single(await fx.Kms.GrantsOfAsync(pending.Arn));
    }

    [Fact]
    public async Task A_user_without_ListGrants_permission_is_denied_even_when_a_grant_names_it()
    {
        var key = await fx.NewKeyAsync();
        var user = await fx.Server.NewGranteeAsync();
        await fx.Kms.GrantAsync(key.KeyId, user.Arn, "Encrypt", "DescribeKey", "RetireGrant");

        await DeniedAsync(() => user.Kms.ListGrantsAsync(new ListGrantsRequest { KeyId = key.KeyId }), user.Arn, "kms:ListGrants", key.Arn);
    }

    [Fact]
    public async Task An_alias_is_refused_and_an_unknown_key_is_not_found()
    {
        await Expect.Error<InvalidArnException>(() => fx.Kms.ListGrantsAsync(new ListGrantsRequest { KeyId = "alias/anything" }),
            "Key Aliases are not supported for this operation.");
        await Expect.Error<NotFoundException>(() => fx.Kms.ListGrantsAsync(new ListGrantsRequest { KeyId = KmsCalls.UnknownKeyId }),
            $"Key '{KmsCalls.KeyArn(fx.Account, KmsCalls.UnknownKeyId)}' does not exist");
    }
}
