namespace Trent.Server.Tests.Wire;

/// <summary>
/// AWS's error body: <c>__type</c> and a message whose casing depends on the error (digest §2.1), no message where
/// AWS sends none, status 400 for every client error, and <c>x-amzn-ErrorType</c> naming the same type.
/// </summary>
public sealed class ErrorShapeTests(DevServerFixture fx) : IClassFixture<DevServerFixture>
{
    private const string MissingKey = "1234abcd-12ab-34cd-56ef-1234567890ab";

    [Fact]
    public async Task A_modeled_error_carries_a_lowercase_message()
    {
        var response = await fx.Wire.SendAsync("DescribeKey", $$"""{"KeyId":"{{MissingKey}}"}""");

        response.AssertError("NotFoundException");
        Assert.Equal(["__type", "message"], Members(response));
        Assert.Equal($"Key 'arn:aws:kms:us-east-1:111122223333:key/{MissingKey}' does not exist", response.Json.GetProperty("message").GetString());
    }

    public static TheoryData<string, string, string> FrontEndErrors => new()
    {
        { "ValidationException", "GenerateRandom", """{"NumberOfBytes":0}""" },
        { "SerializationException", "GenerateRandom", """{"NumberOfBytes":"eight"}""" },
    };

    [Theory]
    [MemberData(nameof(FrontEndErrors))]
    public async Task A_front_end_error_carries_a_capitalized_Message(string type, string operation, string body)
    {
        var response = await fx.Wire.SendAsync(operation, body);

        response.AssertError(type);
        Assert.Equal(["__type", "Message"], Members(response));
    }

    [Fact]
    public async Task Authentication_errors_carry_a_capitalized_Message()
    {
        var unsigned = await fx.Wire.SendAsync(fx.Wire.Unsigned("ListKeys", "{}"u8.ToArray()));
        var wrongSecret = await fx.Wire.SendAsync("ListKeys", "{}", fx.Root with { Secret = "wrong" });

        Assert.Equal("Missing Authentication Token", unsigned.AssertError("MissingAuthenticationTokenException"));
        wrongSecret.AssertError("InvalidSignatureException");
        Assert.All([unsigned, wrongSecret], r => Assert.Equal(["__type", "Message"], Members(r)));
    }

    [Fact]
    public async Task InvalidCiphertextException_carries_no_message()
    {
        var response = await fx.Wire.SendAsync("Decrypt", """{"CiphertextBlob":"AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA="}""");

        response.AssertError("InvalidCiphertextException");
        Assert.Equal(["__type"], Members(response));
    }

    [Fact]
    public async Task UnknownOperationException_carries_no_message()
    {
        var response = await fx.Wire.SendAsync("NoSuchOperation", "{}");

        response.AssertError("UnknownOperationException");
        Assert.Equal(["__type"], Members(response));
    }

    [Fact]
    public async Task The_error_type_header_names_the_same_type_as_the_body()
    {
        var response = await fx.Wire.SendAsync("DescribeKey", $$"""{"KeyId":"{{MissingKey}}"}""");

        Assert.Equal(response.Type, response.Header("x-amzn-ErrorType"));
    }

    private static string[] Members(WireResponse response) =>
        [.. response.Json.EnumerateObject().Select(p => p.Name)];
}
