using System.Buffers.Text;
using Trent.Core.Authorization.Grants;
using Trent.Core.Crypto;
using Trent.Core.Keys;

namespace Trent.Core.Tests.Grants;

public sealed class GrantTokenCodecTests
{
    private static readonly GrantReference Grant = new(
        new KeyArn("111122223333", "eu-west-1", "1234abcd-12ab-34cd-56ef-1234567890ab"),
        "0c237476b39f8bc44e45212e08498fbe3151305030726c0590dd8d3e9f3d6a60");

    private static RootKey NewRootKey(byte fill = 7) => new(Enumerable.Repeat(fill, RootKey.Size).ToArray());

    [Fact]
    public void An_issued_token_opens_to_the_key_and_grant_it_names()
    {
        using var root = NewRootKey();
        using var codec = new GrantTokenCodec(root);

        var token = codec.Issue(Grant, SystemRandomSource.Instance);

        Assert.Equal(Grant, codec.Open(token));
    }

    [Fact]
    public void Tokens_are_url_safe_base64_without_padding()
    {
        using var root = NewRootKey();
        using var codec = new GrantTokenCodec(root);

        Assert.Matches("^[A-Za-z0-9_-]+$", codec.Issue(Grant, SystemRandomSource.Instance));
    }

    [Fact]
    public void Every_token_of_a_grant_differs_and_each_names_the_grant()
    {
        using var root = NewRootKey();
        using var codec = new GrantTokenCodec(root);

        var tokens = Enumerable.Range(0, 20).Select(_ => codec.Issue(Grant, SystemRandomSource.Instance)).ToList();

        Assert.Equal(tokens.Count, tokens.Distinct().Count());
        Assert.All(tokens, t => Assert.Equal(Grant, codec.Open(t)));
    }

    [Fact]
    public void A_token_does_not_reveal_the_grant_id_or_key_id()
    {
        using var root = NewRootKey();
        using var codec = new GrantTokenCodec(root);

        var bytes = Base64Url.DecodeFromChars(codec.Issue(Grant, SystemRandomSource.Instance));

        Assert.Equal(-1, bytes.AsSpan().IndexOf(Convert.FromHexString(Grant.GrantId).AsSpan(0, 8)));
        Assert.Equal(-1, bytes.AsSpan().IndexOf("1234abcd"u8));
    }

    [Fact]
    public void A_token_with_any_byte_altered_does_not_open()
    {
        using var root = NewRootKey();
        using var codec = new GrantTokenCodec(root);
        var bytes = Base64Url.DecodeFromChars(codec.Issue(Grant, SystemRandomSource.Instance));

        for (var i = 0; i < bytes.Length; i++)
        {
            var tampered = bytes.ToArray();
            tampered[i] ^= 0x01;
            Assert.Null(codec.Open(Base64Url.EncodeToString(tampered)));
        }
    }

    [Fact]
    public void A_token_cut_short_or_extended_does_not_open()
    {
        using var root = NewRootKey();
        using var codec = new GrantTokenCodec(root);
        var bytes = Base64Url.DecodeFromChars(codec.Issue(Grant, SystemRandomSource.Instance));

        Assert.Null(codec.Open(Base64Url.EncodeToString(bytes[..^1])));
        Assert.Null(codec.Open(Base64Url.EncodeToString([.. bytes, 0])));
    }

    [Fact]
    public void A_token_issued_under_another_root_key_does_not_open()
    {
        using var root = NewRootKey(7);
        using var other = NewRootKey(8);
        using var issuer = new GrantTokenCodec(other);
        using var codec = new GrantTokenCodec(root);

        Assert.Null(codec.Open(issuer.Issue(Grant, SystemRandomSource.Instance)));
    }

    [Fact]
    public void A_node_sharing_the_root_key_opens_the_token_without_shared_state()
    {
        using var root = NewRootKey();
        using var sameKey = NewRootKey();
        using var issuer = new GrantTokenCodec(root);
        using var otherNode = new GrantTokenCodec(sameKey);

        Assert.Equal(Grant, otherNode.Open(issuer.Issue(Grant, SystemRandomSource.Instance)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("k")]
    [InlineData("!!!!")]
    [InlineData("AQpAM2RhZTk1MGMyNTk2ZmZmMzEyYWVhOWViN2I1MWM4Mzc0MWFiYjc0ZDE1ODkyNGFlNTIzODZhMzgyZjBlNGY3NiKIAgEBAgB4Pa6VDCWW")]
    [InlineData("AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("with spaces and = signs")]
    public void Anything_that_is_not_an_issued_token_does_not_open(string token)
    {
        using var root = NewRootKey();
        using var codec = new GrantTokenCodec(root);

        Assert.Null(codec.Open(token));
    }

    [Fact]
    public void A_token_longer_than_the_model_allows_does_not_open()
    {
        using var root = NewRootKey();
        using var codec = new GrantTokenCodec(root);

        Assert.Null(codec.Open(new string('A', 8193)));
    }
}
