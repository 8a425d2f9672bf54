using System.Globalization;
using Trent.Core;
using Trent.Protocol.Auth;

namespace Trent.Protocol.Tests.Auth;

/// <summary>A request signed too far from the server's clock is refused, with AWS's exact messages.</summary>
public sealed class ClockSkewTests
{
    private static readonly DateTimeOffset Now = Instant("20151120T202346Z");

    [Fact]
    public async Task A_request_signed_more_than_five_minutes_ago_returns_Signature_expired()
    {
        var harness = new VerifierHarness(now: Now);

        await harness.AssertRejectedAsync(
            SignedAt("20151120T200815Z"),
            KmsErrorCode.InvalidSignatureException,
            "Signature expired: 20151120T200815Z is now earlier than 20151120T201846Z (20151120T202346Z - 5 min.)");
    }

    [Fact]
    public async Task A_request_signed_more_than_five_minutes_ahead_returns_Signature_not_yet_current()
    {
        var harness = new VerifierHarness(now: Now);

        await harness.AssertRejectedAsync(
            SignedAt("20151120T203846Z"),
            KmsErrorCode.InvalidSignatureException,
            "Signature not yet current: 20151120T203846Z is still later than 20151120T202846Z (20151120T202346Z + 5 min.)");
    }

    [Theory]
    [InlineData("20151120T201846Z")]
    [InlineData("20151120T202846Z")]
    [InlineData("20151120T202346Z")]
    public async Task A_request_signed_exactly_at_the_skew_limit_or_within_it_verifies(string signedAt)
    {
        var harness = new VerifierHarness(now: Now);

        var result = await harness.VerifyAsync(SignedAt(signedAt));

        Assert.Equal(Instant(signedAt), result.SignedAt);
    }

    [Fact]
    public async Task A_clock_between_two_seconds_is_compared_at_its_whole_second()
    {
        var harness = new VerifierHarness(now: Now.AddMilliseconds(999));

        await harness.VerifyAsync(SignedAt("20151120T201846Z"));
        await harness.AssertRejectedAsync(
            SignedAt("20151120T201845Z"),
            KmsErrorCode.InvalidSignatureException,
            "Signature expired: 20151120T201845Z is now earlier than 20151120T201846Z (20151120T202346Z - 5 min.)");
    }

    [Fact]
    public async Task The_allowed_skew_is_configurable_and_named_in_the_message()
    {
        var harness = new VerifierHarness(new SigV4Options { AllowedClockSkew = TimeSpan.FromMinutes(15) }, Now);

        await harness.VerifyAsync(SignedAt("20151120T201000Z"));
        await harness.AssertRejectedAsync(
            SignedAt("20151120T200815Z"),
            KmsErrorCode.InvalidSignatureException,
            "Signature expired: 20151120T200815Z is now earlier than 20151120T200846Z (20151120T202346Z - 15 min.)");
    }

    [Fact]
    public async Task A_request_dated_with_the_Date_header_is_checked_for_skew_too()
    {
        var harness = new VerifierHarness(now: Now);
        var request = TestRequest.Kms().Signed(new Signing(TestKeys.Alice, Instant("20151120T200815Z"), UseDateHeader: true));

        await harness.AssertRejectedAsync(
            request,
            KmsErrorCode.InvalidSignatureException,
            "Signature expired: 20151120T200815Z is now earlier than 20151120T201846Z (20151120T202346Z - 5 min.)");
    }

    private static TestRequest SignedAt(string instant) =>
        TestRequest.Kms().Signed(new Signing(TestKeys.Alice, Instant(instant)));

    private static DateTimeOffset Instant(string iso) =>
        DateTimeOffset.ParseExact(iso, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
