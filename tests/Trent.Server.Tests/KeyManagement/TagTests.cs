using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.KeyManagement.Support;

namespace Trent.Server.Tests.KeyManagement;

/// <summary>TagResource, UntagResource, ListResourceTags and tags on CreateKey.</summary>
public sealed class TagTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private readonly AmazonKeyManagementServiceClient _kms = shared.Kms;

    private static Tag T(string key, string value) => new() { TagKey = key, TagValue = value };

    private static List<Tag> Many(int count, string prefix = "k") => Enumerable.Range(0, count).Select(i => T($"{prefix}{i:D2}", $"v{i}")).ToList();

    private static IEnumerable<(string, string)> Pairs(IEnumerable<Tag> tags) => tags.Select(t => (t.TagKey, t.TagValue));

    private Task TagAsync(string keyId, params Tag[] tags) => _kms.TagResourceAsync(new TagResourceRequest { KeyId = keyId, Tags = [.. tags] });

    [Fact]
    public async Task CreateKey_with_tags_stores_them_for_ListResourceTags()
    {
        var key = (await _kms.CreateKeyAsync(new CreateKeyRequest { Tags = [T("Project", "alpha"), T("Owner", "ops"), T("Empty", "")] })).KeyMetadata;

        var tags = await _kms.TagsOfAsync(key.KeyId);

        Assert.Equal([("Project", "alpha"), ("Owner", "ops"), ("Empty", "")], Pairs(tags));
    }

    [Fact]
    public async Task ListResourceTags_of_a_key_without_tags_returns_an_empty_complete_list()
    {
        var key = await _kms.NewKeyAsync();

        var page = await _kms.ListResourceTagsAsync(new ListResourceTagsRequest { KeyId = key.KeyId });

        Assert.Empty(page.Tags);
        Assert.False(page.Truncated);
        Assert.Null(page.NextMarker);
    }

    [Fact]
    public async Task TagResource_adds_new_tags_and_replaces_the_value_of_an_existing_key()
    {
        var key = await _kms.NewKeyAsync();
        await TagAsync(key.KeyId, T("a", "1"), T("b", "2"));

        await TagAsync(key.KeyId, T("b", "20"), T("c", "3"));

        Assert.Equal([("a", "1"), ("b", "20"), ("c", "3")], Pairs(await _kms.TagsOfAsync(key.KeyId)));
    }

    [Fact]
    public async Task TagResource_with_an_empty_value_stores_the_empty_value()
    {
        var key = await _kms.NewKeyAsync();

        await TagAsync(key.KeyId, T("flag", ""));

        Assert.Equal([("flag", "")], Pairs(await _kms.TagsOfAsync(key.KeyId)));
    }

    [Fact]
    public async Task Tag_keys_are_case_sensitive()
    {
        var key = await _kms.NewKeyAsync();

        await TagAsync(key.KeyId, T("env", "a"), T("Env", "b"));

        Assert.Equal([("env", "a"), ("Env", "b")], Pairs(await _kms.TagsOfAsync(key.KeyId)));
    }

    [Fact]
    public async Task TagResource_with_a_key_starting_with_aws_colon_returns_TagException_and_adds_nothing()
    {
        var key = await _kms.NewKeyAsync();

        await Expect.Error<TagException>(() => TagAsync(key.KeyId, T("ok", "1"), T("aws:reserved", "x")), "Tags beginning with aws: are reserved");
        Assert.Empty(await _kms.TagsOfAsync(key.KeyId));
    }

    [Fact]
    public async Task CreateKey_with_a_tag_starting_with_aws_colon_returns_TagException()
    {
        await Expect.Error<TagException>(
            () => _kms.CreateKeyAsync(new CreateKeyRequest { Tags = [T("aws:createdBy", "me")] }), "Tags beginning with aws: are reserved");
    }

    [Fact]
    public async Task TagResource_with_duplicate_keys_in_one_request_returns_TagException()
    {
        var key = await _kms.NewKeyAsync();

        await Expect.Error<TagException>(() => TagAsync(key.KeyId, T("dup", "1"), T("dup", "2")), "Duplicate tag keys");
        Assert.Empty(await _kms.TagsOfAsync(key.KeyId));
    }

    [Fact]
    public async Task CreateKey_with_duplicate_tag_keys_returns_TagException()
    {
        await Expect.Error<TagException>(
            () => _kms.CreateKeyAsync(new CreateKeyRequest { Tags = [T("dup", "1"), T("dup", "2")] }), "Duplicate tag keys");
    }

    [Fact]
    public async Task CreateKey_with_50_tags_succeeds_and_with_51_returns_TagException()
    {
        var key = (await _kms.CreateKeyAsync(new CreateKeyRequest { Tags = Many(50) })).KeyMetadata;
        Assert.Equal(50, (await _kms.TagsOfAsync(key.KeyId)).Count);

        await Expect.Error<TagException>(() => _kms.CreateKeyAsync(new CreateKeyRequest { Tags = Many(51) }), "Too many tags");
    }

    [Fact]
    public async Task TagResource_beyond_50_tags_on_a_key_returns_TagException_and_keeps_the_old_tags()
    {
        var key = await _kms.NewKeyAsync();
        await _kms.TagResourceAsync(new TagResourceRequest { KeyId = key.KeyId, Tags = Many(49) });
        await TagAsync(key.KeyId, T("fiftieth", "ok"));

        await Expect.Error<TagException>(() => TagAsync(key.KeyId, T("fifty-first", "no")), "Too many tags");
        Assert.Equal(50, (await _kms.TagsOfAsync(key.KeyId)).Count);
    }

    [Fact]
    public async Task TagResource_on_a_key_with_50_tags_may_still_replace_values()
    {
        var key = (await _kms.CreateKeyAsync(new CreateKeyRequest { Tags = Many(50) })).KeyMetadata;

        await TagAsync(key.KeyId, T("k00", "replaced"));

        Assert.Equal(("k00", "replaced"), Pairs(await _kms.TagsOfAsync(key.KeyId)).First());
    }

    [Fact]
    public async Task TagResource_with_a_tag_key_longer_than_128_characters_returns_the_model_ValidationException()
    {
        var key = await _kms.NewKeyAsync();
        var tagKey = new string('k', 129);
        await Expect.Validation(
            () => TagAsync(key.KeyId, T("fine", "1"), T(tagKey, "v")),
            $"1 validation error detected: Value '{tagKey}' at 'tags.2.member.tagKey' failed to satisfy constraint: Member must have length less than or equal to 128");
    }

    [Fact]
    public async Task TagResource_with_a_tag_value_longer_than_256_characters_returns_the_model_ValidationException()
    {
        var key = await _kms.NewKeyAsync();
        var value = new string('v', 257);
        await Expect.Validation(
            () => TagAsync(key.KeyId, T("k", value)),
            $"1 validation error detected: Value '{value}' at 'tags.1.member.tagValue' failed to satisfy constraint: Member must have length less than or equal to 256");
    }

    [Fact]
    public async Task TagResource_with_the_longest_key_and_value_the_model_allows_stores_them()
    {
        var key = await _kms.NewKeyAsync();
        var (tagKey, value) = (new string('k', 128), new string('v', 256));

        await TagAsync(key.KeyId, T(tagKey, value));

        Assert.Equal([(tagKey, value)], Pairs(await _kms.TagsOfAsync(key.KeyId)));
    }

    [Fact]
    public async Task CreateKey_with_a_tag_without_a_value_returns_the_model_ValidationException()
    {
        await Expect.Validation(
            () => _kms.CreateKeyAsync(new CreateKeyRequest { Tags = [T("a", "1"), new Tag { TagKey = "novalue" }] }),
            "1 validation error detected: Value null at 'tags.2.member.tagValue' failed to satisfy constraint: Member must not be null");
    }

    [Fact]
    public async Task TagResource_with_Unicode_keys_and_values_stores_them_unchanged()
    {
        var key = await _kms.NewKeyAsync();

        await TagAsync(key.KeyId, T("équipe", "données 🔑"), T("鍵", "値"));

        Assert.Equal([("équipe", "données 🔑"), ("鍵", "値")], Pairs(await _kms.TagsOfAsync(key.KeyId)));
    }

    [Fact]
    public async Task UntagResource_naming_a_reserved_aws_colon_key_returns_TagException_and_removes_nothing()
    {
        var key = await _kms.NewKeyAsync();
        await TagAsync(key.KeyId, T("a", "1"));

        await Expect.Error<TagException>(
            () => _kms.UntagResourceAsync(new UntagResourceRequest { KeyId = key.KeyId, TagKeys = ["a", "aws:cloudformation:stack-name"] }),
            "Tags beginning with aws: are reserved");
        Assert.Equal([("a", "1")], Pairs(await _kms.TagsOfAsync(key.KeyId)));
    }

    [Fact]
    public async Task UntagResource_removes_the_named_tags_and_ignores_keys_that_are_not_there()
    {
        var key = await _kms.NewKeyAsync();
        await TagAsync(key.KeyId, T("a", "1"), T("b", "2"), T("c", "3"));

        await _kms.UntagResourceAsync(new UntagResourceRequest { KeyId = key.KeyId, TagKeys = ["b", "missing", "A"] });

        Assert.Equal([("a", "1"), ("c", "3")], Pairs(await _kms.TagsOfAsync(key.KeyId)));
    }

    [Fact]
    public async Task UntagResource_of_only_missing_keys_changes_nothing()
    {
        var key = await _kms.NewKeyAsync();
        await TagAsync(key.KeyId, T("a", "1"));

        await _kms.UntagResourceAsync(new UntagResourceRequest { KeyId = key.KeyId, TagKeys = ["x", "y"] });

        Assert.Equal([("a", "1")], Pairs(await _kms.TagsOfAsync(key.KeyId)));
    }

    [Fact]
    public async Task UntagResource_then_TagResource_re_adds_the_tag_at_the_end()
    {
        var key = await _kms.NewKeyAsync();
        await TagAsync(key.KeyId, T("a", "1"), T("b", "2"));
        await _kms.UntagResourceAsync(new UntagResourceRequest { KeyId = key.KeyId, TagKeys = ["a"] });

        await TagAsync(key.KeyId, T("a", "again"));

        Assert.Equal([("b", "2"), ("a", "again")], Pairs(await _kms.TagsOfAsync(key.KeyId)));
    }

    [Fact]
    public async Task Tags_of_one_key_do_not_appear_on_another()
    {
        var tagged = await _kms.NewKeyAsync();
        var plain = await _kms.NewKeyAsync();

        await TagAsync(tagged.KeyId, T("only", "here"));

        Assert.Empty(await _kms.TagsOfAsync(plain.KeyId));
    }

    [Fact]
    public async Task Tags_survive_a_restart()
    {
        await using var server = await Harness.TrentServer.StartAsync();
        using (var before = server.Kms())
        {
            var key = (await before.CreateKeyAsync(new CreateKeyRequest { Tags = [T("a", "1")] })).KeyMetadata;
            await before.TagResourceAsync(new TagResourceRequest { KeyId = key.KeyId, Tags = [T("b", "2")] });
            await server.RestartAsync();
            using var after = server.Kms();
            Assert.Equal([("a", "1"), ("b", "2")], Pairs(await after.TagsOfAsync(key.KeyId)));
        }
    }
}
