using System.Text.Json;
using Trent.Core;
using Trent.Protocol.Validation;

namespace Trent.Server.Tests.Wire;

/// <summary>
/// Timestamp inputs (epoch seconds) outside what a date can hold are the client's SerializationException. No
/// implemented operation takes a timestamp yet, so this checks the validator against ImportKeyMaterial's input.
/// </summary>
public sealed class TimestampInputTests
{
    [Theory]
    [InlineData("1e300")]
    [InlineData("-1e300")]
    [InlineData("1e400")]
    [InlineData("253402300800")]
    public void A_timestamp_no_date_can_hold_is_a_SerializationException(string seconds)
    {
        using var body = JsonDocument.Parse($$"""{"KeyId":"k","ImportToken":"AA==","EncryptedKeyMaterial":"AA==","ValidTo":{{seconds}}}""");

        var error = Assert.Throws<KmsException>(() => RequestValidator.Validate(body.RootElement, KmsModel.Input("ImportKeyMaterial")));

        Assert.Equal(KmsErrorCode.SerializationException, error.Code);
    }

    [Theory]
    [InlineData("1700000000")]
    [InlineData("1.499288695918E9")]
    [InlineData("1568290320.0")]
    public void An_epoch_seconds_timestamp_passes(string seconds)
    {
        using var body = JsonDocument.Parse($$"""{"KeyId":"k","ImportToken":"AA==","EncryptedKeyMaterial":"AA==","ValidTo":{{seconds}}}""");

        RequestValidator.Validate(body.RootElement, KmsModel.Input("ImportKeyMaterial"));
    }
}
