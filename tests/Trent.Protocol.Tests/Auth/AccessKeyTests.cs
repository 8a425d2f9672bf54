using Trent.Core;
using Trent.Core.Identity;
using Trent.Protocol.Auth;

namespace Trent.Protocol.Tests.Auth;

/// <summary>Unknown, inactive and temporary credentials, and dev mode.</summary>
public sealed class AccessKeyTests
{
    private static readonly TestKey Stranger = new("AKIASTRANGER00000001", "stranger/Secret+000000000000000000000000", "999999999999", "stranger");

    [Fact]
    public async Task An_unknown_access_key_returns_UnrecognizedClientException() =>
        await new VerifierHarness().AssertRejectedAsync(
            TestRequest.SignedEncrypt(Stranger), KmsErrorCode.UnrecognizedClientException, VerifierHarness.InvalidToken);

    [Fact]
    public async Task An_inactive_access_key_returns_UnrecognizedClientException_even_when_correctly_signed() =>
        await new VerifierHarness().AssertRejectedAsync(
            TestRequest.SignedEncrypt(TestKeys.Retired), KmsErrorCode.UnrecognizedClientException, VerifierHarness.InvalidToken);

    [Fact]
    public async Task A_security_token_returns_UnrecognizedClientException_even_for_a_known_key()
    {
        var signed = TestRequest.Kms().WithHeader("X-Amz-Security-Token", "FwoGZXIvYXdzEXAMPLETOKEN").SignedBy(TestKeys.Alice);
        var harness = new VerifierHarness();

        await harness.AssertRejectedAsync(signed, KmsErrorCode.UnrecognizedClientException, VerifierHarness.InvalidToken);
        Assert.Equal(0, harness.Keys.Lookups);
    }

    [Fact]
    public async Task A_security_token_returns_UnrecognizedClientException_in_dev_mode_too()
    {
        var signed = TestRequest.Kms().WithHeader("X-Amz-Security-Token", "FwoGZXIvYXdzEXAMPLETOKEN").SignedBy(Stranger);

        await new VerifierHarness(new SigV4Options { DevMode = true }).AssertRejectedAsync(
            signed, KmsErrorCode.UnrecognizedClientException, VerifierHarness.InvalidToken);
    }

    [Theory]
    [InlineData("AKIA-NOT-A-KEY-ID")]
    [InlineData("AKIA\u00c4\u00d6\u00dc0000000000")]
    [InlineData("AKIA.EXAMPLE")]
    public async Task An_access_key_id_outside_AWSs_pattern_returns_UnrecognizedClientException_without_a_lookup(string accessKeyId)
    {
        var harness = new VerifierHarness(new SigV4Options { DevMode = true });

        await harness.AssertRejectedAsync(
            TestRequest.SignedEncrypt(Stranger with { AccessKeyId = accessKeyId }),
            KmsErrorCode.UnrecognizedClientException,
            VerifierHarness.InvalidToken);
        Assert.Equal(0, harness.Keys.Lookups);
    }

    [Fact]
    public async Task An_overlong_access_key_id_returns_UnrecognizedClientException() =>
        await new VerifierHarness(new SigV4Options { DevMode = true }).AssertRejectedAsync(
            TestRequest.SignedEncrypt(Stranger with { AccessKeyId = new string('A', 129) }),
            KmsErrorCode.UnrecognizedClientException,
            VerifierHarness.InvalidToken);

    [Fact]
    public async Task In_dev_mode_an_unknown_key_authenticates_unverified_as_the_dev_account_root()
    {
        var harness = new VerifierHarness(new SigV4Options { DevMode = true, DevAccountId = "444455556666" });
        var wronglySigned = TestRequest.SignedEncrypt(Stranger).WithAuthorization(
            a => a[..^64] + new string('0', 64));

        var result = await harness.VerifyAsync(wronglySigned);

        Assert.Equal(CallerIdentity.Root("444455556666", Stranger.AccessKeyId), result.Caller);
        Assert.Equal("us-east-1", result.Region);
        Assert.Equal("kms", result.Service);
    }

    [Fact]
    public async Task In_dev_mode_the_LocalStack_style_key_test_is_accepted()
    {
        var harness = new VerifierHarness(new SigV4Options { DevMode = true });

        var result = await harness.VerifyAsync(TestRequest.SignedEncrypt(new TestKey("test", "test", "000000000000", "test")));

        Assert.Equal(CallerIdentity.Root("111122223333", "test"), result.Caller);
    }

    [Fact]
    public async Task In_dev_mode_a_known_key_with_a_wrong_signature_is_still_refused() =>
        await new VerifierHarness(new SigV4Options { DevMode = true }).AssertRejectedAsync(
            TestRequest.SignedEncrypt(TestKeys.Alice with { Secret = "not-alices-secret" }),
            KmsErrorCode.InvalidSignatureException,
            VerifierHarness.SignatureMismatch);

    [Fact]
    public async Task In_dev_mode_a_known_key_is_verified_and_yields_its_own_identity()
    {
        var result = await new VerifierHarness(new SigV4Options { DevMode = true }).VerifyAsync(TestRequest.SignedEncrypt());

        Assert.Equal(TestKeys.Alice.Identity, result.Caller);
    }

    [Fact]
    public async Task In_dev_mode_an_inactive_key_is_still_refused() =>
        await new VerifierHarness(new SigV4Options { DevMode = true }).AssertRejectedAsync(
            TestRequest.SignedEncrypt(TestKeys.Retired), KmsErrorCode.UnrecognizedClientException, VerifierHarness.InvalidToken);

    [Fact]
    public async Task In_dev_mode_the_clock_skew_is_still_enforced() =>
        await new VerifierHarness(new SigV4Options { DevMode = true }, TestRequest.SigningTime.AddHours(1)).AssertRejectedAsync(
            TestRequest.SignedEncrypt(Stranger),
            KmsErrorCode.InvalidSignatureException,
            "Signature expired: 20150830T123600Z is now earlier than 20150830T133100Z (20150830T133600Z - 5 min.)");
}
