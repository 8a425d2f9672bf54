using System.Text;
using Trent.Core.Crypto;
using Trent.Core.Identity;
using Trent.Core.Identity.Sts;

namespace Trent.Core.Tests.Identity;

public sealed class SessionTokensTests
{
    private static readonly DateTimeOffset Expiration = new(2030, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    private static readonly SessionCredentials Session = new(
        "ASIAEXAMPLE000000001", "sEcReT/0123456789+abcdefghijklmnopqrstuv", "111122223333",
        "arn:aws:iam::111122223333:role/ci/deployer", "AROAEXAMPLE000000001", "deploy-42", Expiration, Chained: false);

    private static RootKey NewRootKey(byte fill = 7) => new(Enumerable.Repeat(fill, RootKey.Size).ToArray());

    [Fact]
    public void A_token_opens_to_the_session_it_was_issued_for()
    {
        using var tokens = new SessionTokens(NewRootKey());

        var token = tokens.Issue(Session, SystemRandomSource.Instance);

        Assert.Equal(Session, tokens.Open(Session.AccessKeyId, token));
    }

    [Fact]
    public void A_token_opens_on_any_node_holding_the_same_root_key()
    {
        using var issuer = new SessionTokens(NewRootKey());
        using var other = new SessionTokens(NewRootKey());

        Assert.Equal(Session, other.Open(Session.AccessKeyId, issuer.Issue(Session, SystemRandomSource.Instance)));
    }

    [Fact]
    public void A_token_does_not_open_under_another_root_key()
    {
        using var issuer = new SessionTokens(NewRootKey(7));
        using var stranger = new SessionTokens(NewRootKey(8));

        Assert.Null(stranger.Open(Session.AccessKeyId, issuer.Issue(Session, SystemRandomSource.Instance)));
    }

    [Fact]
    public void A_token_does_not_open_for_another_access_key_id()
    {
        using var tokens = new SessionTokens(NewRootKey());

        Assert.Null(tokens.Open("ASIAEXAMPLE000000002", tokens.Issue(Session, SystemRandomSource.Instance)));
    }

    [Fact]
    public void A_token_with_any_byte_altered_does_not_open()
    {
        using var tokens = new SessionTokens(NewRootKey());
        var blob = Convert.FromBase64String(tokens.Issue(Session, SystemRandomSource.Instance));

        for (var i = 0; i < blob.Length; i++)
        {
            var altered = (byte[])blob.Clone();
            altered[i] ^= 0x01;
            Assert.Null(tokens.Open(Session.AccessKeyId, Convert.ToBase64String(altered)));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("AQ==")]
    [InlineData("FwoGZXIvYXdzEXAMPLETOKEN")]
    public void Garbage_does_not_open(string token)
    {
        using var tokens = new SessionTokens(NewRootKey());

        Assert.Null(tokens.Open(Session.AccessKeyId, token));
    }

    [Fact]
    public void The_token_does_not_carry_the_secret_or_the_role_in_the_clear()
    {
        using var tokens = new SessionTokens(NewRootKey());

        var blob = Convert.FromBase64String(tokens.Issue(Session, SystemRandomSource.Instance));

        Assert.True(blob.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Session.SecretAccessKey)) < 0);
        Assert.True(blob.AsSpan().IndexOf(Encoding.UTF8.GetBytes("deployer")) < 0);
    }

    [Fact]
    public void Two_tokens_for_the_same_session_differ()
    {
        using var tokens = new SessionTokens(NewRootKey());

        Assert.NotEqual(tokens.Issue(Session, SystemRandomSource.Instance), tokens.Issue(Session, SystemRandomSource.Instance));
    }

    [Fact]
    public void A_session_is_expired_from_its_expiration_on()
    {
        Assert.False(Session.IsExpiredAt(Expiration.AddMilliseconds(-1)));
        Assert.True(Session.IsExpiredAt(Expiration));
    }

    [Fact]
    public void The_session_caller_is_the_assumed_role_as_STS_names_it()
    {
        var caller = Session.ToCaller();

        var expected = new CallerIdentity("111122223333", "arn:aws:sts::111122223333:assumed-role/deployer/deploy-42",
            PrincipalType.AssumedRole, "AROAEXAMPLE000000001:deploy-42", "ASIAEXAMPLE000000001")
        {
            RoleArn = "arn:aws:iam::111122223333:role/ci/deployer",
        };
        Assert.Equal(expected, caller);
    }

    [Fact]
    public void The_session_key_is_independent_of_the_sealing_key()
    {
        using var root = NewRootKey();
        using var tokens = new SessionTokens(root);
        var sealedBlob = root.Seal("x"u8, "owner", "v", SystemRandomSource.Instance);

        // A sealed blob is no token, even presented with a plausible key id.
        Assert.Null(tokens.Open("v", Convert.ToBase64String(sealedBlob)));
    }

    [Fact]
    public void The_string_form_of_a_session_leaves_out_the_secret()
    {
        Assert.DoesNotContain(Session.SecretAccessKey, Session.ToString(), StringComparison.Ordinal);
    }
}
