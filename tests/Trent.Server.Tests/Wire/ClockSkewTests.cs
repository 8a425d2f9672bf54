using System.Globalization;
using System.Text.RegularExpressions;

namespace Trent.Server.Tests.Wire;

/// <summary>The server checks the signing time against its clock with AWS's five minutes of tolerance and message.</summary>
public sealed partial class ClockSkewTests(StrictServerFixture fx) : IClassFixture<StrictServerFixture>
{
    [Fact]
    public async Task A_request_signed_six_minutes_ago_answers_Signature_expired()
    {
        var signedAt = DateTimeOffset.UtcNow.AddMinutes(-6);

        var message = (await fx.Wire.SendAsync(fx.Wire.Request("ListKeys", "{}", fx.Root, signedAt))).AssertError("InvalidSignatureException");

        var match = ExpiredPattern().Match(message!);
        Assert.True(match.Success, message);
        Assert.Equal(Format(signedAt), match.Groups["signed"].Value);
        var now = DateTimeOffset.ParseExact(match.Groups["now"].Value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.Equal(Format(now.AddMinutes(-5)), match.Groups["earliest"].Value);
        Assert.InRange(now - signedAt, TimeSpan.FromMinutes(5.9), TimeSpan.FromMinutes(6.5));
    }

    [Fact]
    public async Task A_request_signed_six_minutes_ahead_answers_Signature_not_yet_current()
    {
        var message = (await fx.Wire.SendAsync(fx.Wire.Request("ListKeys", "{}", fx.Root, DateTimeOffset.UtcNow.AddMinutes(6)))).AssertError("InvalidSignatureException");

        Assert.StartsWith("Signature not yet current: ", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-4)]
    [InlineData(4)]
    public async Task A_request_signed_within_five_minutes_of_the_server_clock_succeeds(int minutes) =>
        Assert.Equal(200, (await fx.Wire.SendAsync(fx.Wire.Request("ListKeys", "{}", fx.Root, DateTimeOffset.UtcNow.AddMinutes(minutes)))).Status);

    private static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Signature expired: (?<signed>\d{8}T\d{6}Z) is now earlier than (?<earliest>\d{8}T\d{6}Z) \((?<now>\d{8}T\d{6}Z) - 5 min\.\)$")]
    private static partial Regex ExpiredPattern();
}
