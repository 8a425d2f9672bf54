using System.Text;
using Microsoft.Extensions.Time.Testing;
using Trent.Core;
using Trent.Core.Crypto;
using Trent.Core.Identity.Sts;
using Trent.Protocol.Auth;

namespace Trent.Protocol.Tests.Auth;

/// <summary>Requests signed with temporary credentials and carrying their X-Amz-Security-Token.</summary>
public sealed class SessionTokenTests : IDisposable
{
    private static readonly SessionCredentials Session = new(
        "ASIASESSION000000001", "session/Secret+0123456789abcdefghijklmno", "111111111111",
        "arn:aws:iam::111111111111:role/deployer", "AROAROLE000000000001", "s1", TestRequest.SigningTime.AddHours(1), Chained: false);

    private readonly RootKey _rootKey = new(new byte[RootKey.Size]);
    private readonly SessionTokens _tokens;
    private readonly FakeTimeProvider _clock = new(TestRequest.SigningTime);
    private readonly InMemoryAccessKeys _keys = new InMemoryAccessKeys().Add(TestKeys.Alice);

    public SessionTokenTests() => _tokens = new SessionTokens(_rootKey);

    public void Dispose()
    {
        _tokens.Dispose();
        _rootKey.Dispose();
    }

    private SigV4Verifier Verifier(SigV4Options? options = null) =>
        new(_keys, new TokenSource(_tokens, _clock), _clock, options ?? new SigV4Options());

    private static TestRequest SignedWithSession(string token, string? secret = null) =>
        TestRequest.Kms().WithHeader("X-Amz-Security-Token", token)
            .SignedBy(new TestKey(Session.AccessKeyId, secret ?? Session.SecretAccessKey, Session.AccountId, "unused"));

    [Fact]
    public async Task A_request_signed_with_session_credentials_authenticates_as_the_assumed_role_without_a_key_lookup()
    {
        var token = _tokens.Issue(Session, SystemRandomSource.Instance);

        var result = await Verifier().VerifyAsync(SignedWithSession(token).ToSigV4Request());

        Assert.Equal(Session.ToCaller(), result.Caller);
        Assert.Equal(0, _keys.Lookups);
    }

    [Fact]
    public async Task A_session_past_its_expiration_returns_ExpiredTokenException()
    {
        var token = _tokens.Issue(Session with { Expiration = TestRequest.SigningTime }, SystemRandomSource.Instance);

        var e = await Assert.ThrowsAsync<KmsException>(() => Verifier().VerifyAsync(SignedWithSession(token).ToSigV4Request()).AsTask());

        Assert.Equal((KmsErrorCode.ExpiredTokenException, "The security token included in the request is expired"), (e.Code, e.Message));
    }

    [Fact]
    public async Task A_session_token_presented_with_another_access_key_id_returns_UnrecognizedClientException()
    {
        var other = Session with { AccessKeyId = "ASIASESSION000000002" };
        var token = _tokens.Issue(other, SystemRandomSource.Instance);

        var e = await Assert.ThrowsAsync<KmsException>(() => Verifier().VerifyAsync(SignedWithSession(token).ToSigV4Request()).AsTask());

        Assert.Equal((KmsErrorCode.UnrecognizedClientException, VerifierHarness.InvalidToken), (e.Code, e.Message));
    }

    [Fact]
    public async Task A_session_request_signed_with_another_secret_returns_InvalidSignatureException()
    {
        var token = _tokens.Issue(Session, SystemRandomSource.Instance);

        var e = await Assert.ThrowsAsync<KmsException>(() =>
            Verifier().VerifyAsync(SignedWithSession(token, TestKeys.Alice.Secret).ToSigV4Request()).AsTask());

        Assert.Equal((KmsErrorCode.InvalidSignatureException, VerifierHarness.SignatureMismatch), (e.Code, e.Message));
    }

    [Fact]
    public async Task A_token_Trent_did_not_issue_is_refused_even_in_dev_mode()
    {
        var e = await Assert.ThrowsAsync<KmsException>(() =>
            Verifier(new SigV4Options { DevMode = true }).VerifyAsync(SignedWithSession("FwoGZXIvYXdzEXAMPLETOKEN").ToSigV4Request()).AsTask());

        Assert.Equal(KmsErrorCode.UnrecognizedClientException, e.Code);
    }

    [Fact]
    public async Task A_long_term_key_sent_with_a_session_token_is_refused()
    {
        var token = _tokens.Issue(Session, SystemRandomSource.Instance);
        var request = TestRequest.Kms().WithHeader("X-Amz-Security-Token", token).SignedBy(TestKeys.Alice);

        var e = await Assert.ThrowsAsync<KmsException>(() => Verifier().VerifyAsync(request.ToSigV4Request()).AsTask());

        Assert.Equal(KmsErrorCode.UnrecognizedClientException, e.Code);
    }

    /// <summary>What the server's source does: open with the root key, judge expiry by the clock.</summary>
    private sealed class TokenSource(SessionTokens tokens, TimeProvider clock) : ISessionTokenSource
    {
        public SessionKey? Open(string accessKeyId, string sessionToken) =>
            tokens.Open(accessKeyId, sessionToken) is { } session
                ? new SessionKey(new AccessKeySecret(session.ToCaller(), Encoding.UTF8.GetBytes(session.SecretAccessKey), true), session.IsExpiredAt(clock.GetUtcNow()))
                : null;
    }
}
