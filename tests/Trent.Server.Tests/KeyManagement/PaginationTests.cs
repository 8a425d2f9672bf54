using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Harness;
using Trent.Server.Tests.KeyManagement.Support;

namespace Trent.Server.Tests.KeyManagement;

/// <summary>
/// Pagination as §1.1 has it: Limit, Marker, Truncated always present, NextMarker only when truncated, the default
/// and maximum limits, refused markers, and every item exactly once across the pages. Each test counts a fresh
/// server's keys, so each starts its own.
/// </summary>
public sealed class PaginationTests
{
    private const string BadMarker = "The marker that specifies where pagination should next begin is not valid.";

    private static async Task<List<string>> CreateKeysAsync(IAmazonKeyManagementService kms, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await kms.NewKeyAsync()).KeyId);
        }
        return ids;
    }

    [Fact]
    public async Task ListKeys_of_an_account_without_keys_returns_an_empty_list_with_Truncated_false_and_no_NextMarker()
    {
        await using var server = await TrentServer.StartAsync();
        var recorder = new WireRecorder();
        using var kms = server.KmsRecording(recorder);

        var page = await kms.ListKeysAsync(new ListKeysRequest());

        Assert.Empty(page.Keys);
        Assert.False(page.Truncated);
        Assert.Null(page.NextMarker);
        Assert.Equal("""{"Keys":[],"Truncated":false}""", recorder.Last.Body);
    }

    [Fact]
    public async Task ListKeys_returns_each_key_with_its_id_and_ARN()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        var key = await kms.NewKeyAsync();

        var entry = Assert.Single((await kms.ListKeysAsync(new ListKeysRequest())).Keys);

        Assert.Equal(key.KeyId, entry.KeyId);
        Assert.Equal(key.Arn, entry.KeyArn);
    }

    [Fact]
    public async Task ListKeys_walked_page_by_page_returns_every_key_exactly_once_for_any_Limit()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        var created = await CreateKeysAsync(kms, 10);

        foreach (var limit in new[] { 1, 2, 3, 7, 9, 10, 11 })
        {
            var seen = new List<string>();
            string? marker = null;
            while (true)
            {
                var page = await kms.ListKeysAsync(new ListKeysRequest { Limit = limit, Marker = marker });
                seen.AddRange(page.Keys.Select(k => k.KeyId));
                if (seen.Count < created.Count)
                {
                    Assert.Equal(limit, page.Keys.Count);
                    Assert.True(page.Truncated);
                    Assert.NotNull(page.NextMarker);
                    marker = page.NextMarker;
                    continue;
                }
                Assert.False(page.Truncated);
                Assert.Null(page.NextMarker);
                break;
            }
            Assert.Equal(created.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
            Assert.Equal(seen.Count, seen.Distinct().Count());
        }
    }

    [Fact]
    public async Task The_SDK_paginators_walk_every_key_alias_and_tag()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        var created = await CreateKeysAsync(kms, 7);
        var tags = Enumerable.Range(0, 7).Select(i => new Tag { TagKey = $"k{i}", TagValue = "v" }).ToList();
        await kms.TagResourceAsync(new TagResourceRequest { KeyId = created[0], Tags = tags });
        for (var i = 0; i < 7; i++)
        {
            await kms.CreateAliasAsync($"alias/p{i}", created[i]);
        }

        var keys = new List<string>();
        await foreach (var entry in kms.Paginators.ListKeys(new ListKeysRequest { Limit = 2 }).Keys)
        {
            keys.Add(entry.KeyId);
        }
        var aliases = new List<string>();
        await foreach (var entry in kms.Paginators.ListAliases(new ListAliasesRequest { Limit = 3 }).Aliases)
        {
            aliases.Add(entry.AliasName);
        }
        var tagKeys = new List<string>();
        await foreach (var tag in kms.Paginators.ListResourceTags(new ListResourceTagsRequest { KeyId = created[0], Limit = 4 }).Tags)
        {
            tagKeys.Add(tag.TagKey);
        }

        Assert.Equal(created.Order(StringComparer.Ordinal), keys);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"alias/p{i}"), aliases);
        Assert.Equal(tags.Select(t => t.TagKey), tagKeys);
    }

    [Fact]
    public async Task ListKeys_without_a_Limit_returns_100_keys_per_page()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        var created = await CreateKeysAsync(kms, 101);

        var first = await kms.ListKeysAsync(new ListKeysRequest());
        var second = await kms.ListKeysAsync(new ListKeysRequest { Marker = first.NextMarker });

        Assert.Equal(100, first.Keys.Count);
        Assert.True(first.Truncated);
        Assert.Single(second.Keys);
        Assert.False(second.Truncated);
        Assert.Equal(created.Order(StringComparer.Ordinal), first.Keys.Concat(second.Keys).Select(k => k.KeyId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListKeys_accepts_a_Limit_of_1000_and_refuses_0_and_1001_with_the_model_ValidationException()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        await CreateKeysAsync(kms, 3);
        var (zero, tooMany) = (0, 1001);

        Assert.Equal(3, (await kms.ListKeysAsync(new ListKeysRequest { Limit = 1000 })).Keys.Count);
        await Expect.Validation(
            () => kms.ListKeysAsync(new ListKeysRequest { Limit = zero }),
            "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        await Expect.Validation(
            () => kms.ListKeysAsync(new ListKeysRequest { Limit = tooMany }),
            "1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000");
    }

    [Fact]
    public async Task ListKeys_lists_keys_in_every_state()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        var created = await CreateKeysAsync(kms, 3);
        await kms.DisableKeyAsync(new DisableKeyRequest { KeyId = created[1] });
        await kms.ScheduleDeletionAsync(created[2]);

        Assert.Equal(created.Order(StringComparer.Ordinal), await kms.AllKeyIdsAsync());
    }

    [Fact]
    public async Task ListKeys_continues_from_a_marker_whose_key_was_deleted_meanwhile()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        var created = (await CreateKeysAsync(kms, 5)).Order(StringComparer.Ordinal).ToList();
        var first = await kms.ListKeysAsync(new ListKeysRequest { Limit = 2 });
        await kms.ScheduleDeletionAsync(first.Keys[^1].KeyId, 7);
        server.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await server.RunMaintenanceAsync());

        var rest = await kms.ListKeysAsync(new ListKeysRequest { Marker = first.NextMarker });

        Assert.Equal(created.Skip(2), rest.Keys.Select(k => k.KeyId));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("dHJlbnQxfExpc3RBbGlhc2VzfGFsaWFzL3g")] // a well-formed marker of ListAliases
    [InlineData("!!!")]
    public async Task ListKeys_with_a_marker_it_did_not_issue_returns_InvalidMarkerException(string marker)
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        await CreateKeysAsync(kms, 1);

        await Expect.Error<InvalidMarkerException>(() => kms.ListKeysAsync(new ListKeysRequest { Marker = marker }), BadMarker);
    }

    [Fact]
    public async Task ListKeys_with_an_empty_marker_returns_the_model_ValidationException()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();

        var empty = string.Empty;

        await Expect.Validation(
            () => kms.ListKeysAsync(new ListKeysRequest { Marker = empty }),
            "1 validation error detected: Value '' at 'marker' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }

    [Fact]
    public async Task ListAliases_walked_page_by_page_returns_every_alias_exactly_once_in_name_order()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        var key = await kms.NewKeyAsync();
        var names = Enumerable.Range(0, 8).Select(i => $"alias/page-{i}").ToList();
        foreach (var name in names.AsEnumerable().Reverse())
        {
            await kms.CreateAliasAsync(name, key.KeyId);
        }

        var first = await kms.ListAliasesAsync(new ListAliasesRequest { Limit = 3 });
        var all = await kms.AllAliasesAsync(limit: 3);

        Assert.Equal(3, first.Aliases.Count);
        Assert.True(first.Truncated);
        Assert.NotNull(first.NextMarker);
        Assert.Equal(names, all.Select(a => a.AliasName));
    }

    [Fact]
    public async Task ListAliases_of_an_account_without_aliases_returns_an_empty_list_with_Truncated_false()
    {
        await using var server = await TrentServer.StartAsync();
        var recorder = new WireRecorder();
        using var kms = server.KmsRecording(recorder);

        await kms.ListAliasesAsync(new ListAliasesRequest());

        Assert.Equal("""{"Aliases":[],"Truncated":false}""", recorder.Last.Body);
    }

    [Fact]
    public async Task ListAliases_without_a_Limit_returns_50_per_page_and_clamps_larger_limits_to_100()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        var keys = await CreateKeysAsync(kms, 3);
        for (var i = 0; i < 101; i++)
        {
            await kms.CreateAliasAsync($"alias/many-{i:D3}", keys[i % 3]);
        }

        var byDefault = await kms.ListAliasesAsync(new ListAliasesRequest());
        var atMaximum = await kms.ListAliasesAsync(new ListAliasesRequest { Limit = 100 });
        var clamped = await kms.ListAliasesAsync(new ListAliasesRequest { Limit = 1000 });
        var rest = await kms.ListAliasesAsync(new ListAliasesRequest { Limit = 1000, Marker = clamped.NextMarker });

        Assert.Equal(50, byDefault.Aliases.Count);
        Assert.True(byDefault.Truncated);
        Assert.Equal(100, atMaximum.Aliases.Count);
        Assert.True(atMaximum.Truncated);
        Assert.Equal(100, clamped.Aliases.Count);
        Assert.True(clamped.Truncated);
        Assert.Equal("alias/many-100", Assert.Single(rest.Aliases).AliasName);
        Assert.False(rest.Truncated);
        Assert.Null(rest.NextMarker);
    }

    [Fact]
    public async Task ListAliases_with_a_KeyId_pages_through_only_that_keys_aliases()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        var (mine, other) = (await kms.NewKeyAsync(), await kms.NewKeyAsync());
        for (var i = 0; i < 5; i++)
        {
            await kms.CreateAliasAsync($"alias/mine-{i}", mine.KeyId);
            await kms.CreateAliasAsync($"alias/other-{i}", other.KeyId);
        }

        var aliases = await kms.AllAliasesAsync(mine.KeyId, limit: 2);

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"alias/mine-{i}"), aliases.Select(a => a.AliasName));
    }

    [Fact]
    public async Task ListAliases_with_a_marker_it_did_not_issue_returns_InvalidMarkerException()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        await CreateKeysAsync(kms, 2);
        var keysMarker = (await kms.ListKeysAsync(new ListKeysRequest { Limit = 1 })).NextMarker;

        await Expect.Error<InvalidMarkerException>(() => kms.ListAliasesAsync(new ListAliasesRequest { Marker = "garbage" }), BadMarker);
        await Expect.Error<InvalidMarkerException>(() => kms.ListAliasesAsync(new ListAliasesRequest { Marker = keysMarker }), BadMarker);
    }

    [Fact]
    public async Task ListResourceTags_walked_with_Limit_20_returns_50_tags_in_pages_of_20_20_and_10()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        var tags = Enumerable.Range(0, 50).Select(i => new Tag { TagKey = $"k{i:D2}", TagValue = $"v{i}" }).ToList();
        var key = (await kms.CreateKeyAsync(new CreateKeyRequest { Tags = tags })).KeyMetadata;

        var sizes = new List<int>();
        var seen = new List<string>();
        string? marker = null;
        ListResourceTagsResponse page;
        do
        {
            page = await kms.ListResourceTagsAsync(new ListResourceTagsRequest { KeyId = key.KeyId, Limit = 20, Marker = marker });
            sizes.Add(page.Tags.Count);
            seen.AddRange(page.Tags.Select(t => t.TagKey));
            Assert.Equal(page.Truncated == true, page.NextMarker is not null);
            marker = page.NextMarker;
        }
        while (page.Truncated == true);

        Assert.Equal([20, 20, 10], sizes);
        Assert.Equal(tags.Select(t => t.TagKey), seen);
    }

    [Fact]
    public async Task ListResourceTags_without_a_Limit_or_with_a_larger_one_returns_all_50_tags_in_one_page()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        var tags = Enumerable.Range(0, 50).Select(i => new Tag { TagKey = $"k{i:D2}", TagValue = "" }).ToList();
        var key = (await kms.CreateKeyAsync(new CreateKeyRequest { Tags = tags })).KeyMetadata;

        foreach (int? limit in new int?[] { null, 50, 1000 })
        {
            var page = await kms.ListResourceTagsAsync(new ListResourceTagsRequest { KeyId = key.KeyId, Limit = limit });
            Assert.Equal(50, page.Tags.Count);
            Assert.False(page.Truncated);
            Assert.Null(page.NextMarker);
        }
    }

    [Fact]
    public async Task ListResourceTags_from_a_marker_it_issued_still_answers_after_tags_were_removed_meanwhile()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        var tags = Enumerable.Range(0, 30).Select(i => new Tag { TagKey = $"k{i:D2}", TagValue = "" }).ToList();
        var key = (await kms.CreateKeyAsync(new CreateKeyRequest { Tags = tags })).KeyMetadata;
        var first = await kms.ListResourceTagsAsync(new ListResourceTagsRequest { KeyId = key.KeyId, Limit = 20 });
        await kms.UntagResourceAsync(new UntagResourceRequest { KeyId = key.KeyId, TagKeys = tags.Take(25).Select(t => t.TagKey).ToList() });

        var rest = await kms.ListResourceTagsAsync(new ListResourceTagsRequest { KeyId = key.KeyId, Marker = first.NextMarker });

        Assert.True(first.Truncated);
        Assert.Empty(rest.Tags);
        Assert.False(rest.Truncated);
        Assert.Null(rest.NextMarker);
    }

    [Fact]
    public async Task ListResourceTags_with_a_marker_it_did_not_issue_returns_InvalidMarkerException()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        var keys = await CreateKeysAsync(kms, 2);
        var keysMarker = (await kms.ListKeysAsync(new ListKeysRequest { Limit = 1 })).NextMarker;

        await Expect.Error<InvalidMarkerException>(
            () => kms.ListResourceTagsAsync(new ListResourceTagsRequest { KeyId = keys[0], Marker = "garbage" }), BadMarker);
        await Expect.Error<InvalidMarkerException>(
            () => kms.ListResourceTagsAsync(new ListResourceTagsRequest { KeyId = keys[0], Marker = keysMarker }), BadMarker);
    }

    [Fact]
    public async Task ListKeyPolicies_with_a_marker_it_did_not_issue_returns_an_InvalidMarkerException_error()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        var key = await kms.NewKeyAsync();

        await Expect.Unmodeled(
            () => kms.ListKeyPoliciesAsync(new ListKeyPoliciesRequest { KeyId = key.KeyId, Marker = "garbage" }), "InvalidMarkerException", BadMarker);
    }
}
