using Trent.Core.Keys;

namespace Trent.Core.Tests.Keys;

public sealed class KeyTagsTests
{
    [Fact]
    public void Tagging_an_existing_key_replaces_its_value_in_place()
    {
        var merged = KeyTags.Merge([new("a", "1"), new("b", "2")], [new("a", "3"), new("c", "4")]);
        Assert.Equal([new KeyTag("a", "3"), new KeyTag("b", "2"), new KeyTag("c", "4")], merged);
    }

    [Theory]
    [InlineData("aws:created-by")]
    [InlineData("AWS:x")]
    public void Reserved_prefix_is_refused(string tagKey)
    {
        var e = Assert.Throws<KmsException>(() => KeyTags.Merge([], [new(tagKey, "v")]));
        Assert.Equal(KmsErrorCode.TagException, e.Code);
        Assert.Equal("Tags beginning with aws: are reserved", e.Message);
    }

    [Fact]
    public void Duplicate_keys_in_one_request_are_refused()
    {
        var e = Assert.Throws<KmsException>(() => KeyTags.Merge([], [new("a", "1"), new("a", "2")]));
        Assert.Equal("Duplicate tag keys", e.Message);
    }

    [Fact]
    public void More_than_fifty_tags_are_refused()
    {
        var existing = Enumerable.Range(0, 50).Select(i => new KeyTag($"k{i}", "v")).ToList();
        var e = Assert.Throws<KmsException>(() => KeyTags.Merge(existing, [new("one-more", "v")]));
        Assert.Equal("Too many tags", e.Message);
    }

    [Fact]
    public void Removing_missing_keys_is_silently_ignored()
    {
        Assert.Equal([new KeyTag("a", "1")], KeyTags.Remove([new("a", "1"), new("b", "2")], ["b", "zzz"]));
    }
}
