using Microsoft.Extensions.Time.Testing;
using Trent.Core;
using Trent.Protocol.Auth;

namespace Trent.Protocol.Tests.Auth;

/// <summary>A verifier over in-memory keys (Alice, Bob, and Retired inactive) and a fake clock.</summary>
internal sealed class VerifierHarness
{
    public const string SignatureMismatch =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    public const string InvalidToken = "The security token included in the request is invalid.";

    public VerifierHarness(SigV4Options? options = null, DateTimeOffset? now = null, int cacheCapacity = 4096)
    {
        Clock = new FakeTimeProvider(now ?? TestRequest.SigningTime);
        Cache = new SigningKeyCache(cacheCapacity);
        Verifier = new SigV4Verifier(Keys, Clock, options ?? new SigV4Options(), Cache);
    }

    public FakeTimeProvider Clock { get; }

    public InMemoryAccessKeys Keys { get; } =
        new InMemoryAccessKeys().Add(TestKeys.Alice).Add(TestKeys.Bob).Add(TestKeys.Retired, active: false);

    public SigningKeyCache Cache { get; }

    public SigV4Verifier Verifier { get; }

    public Task<SigV4Result> VerifyAsync(TestRequest request) => Verifier.VerifyAsync(request.ToSigV4Request()).AsTask();

    public async Task<KmsException> RejectAsync(TestRequest request) =>
        await Assert.ThrowsAsync<KmsException>(() => VerifyAsync(request));

    /// <summary>Asserts the request is refused with that code and, when given, exactly that message.</summary>
    public async Task<KmsException> AssertRejectedAsync(TestRequest request, KmsErrorCode code, string? message = null)
    {
        var error = await RejectAsync(request);
        Assert.Equal(code, error.Code);
        if (message is not null)
        {
            Assert.Equal(message, error.Message);
        }

        return error;
    }
}
