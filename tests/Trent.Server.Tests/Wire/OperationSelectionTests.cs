namespace Trent.Server.Tests.Wire;

/// <summary><c>X-Amz-Target</c> picks the operation: unknown targets, other methods and paths, and model operations Trent lacks.</summary>
public sealed class OperationSelectionTests(DevServerFixture fx) : IClassFixture<DevServerFixture>
{
    public static TheoryData<string> UnknownTargets =>
    [
        "TrentService.NoSuchOperation",
        "TrentService.",
        "TrentService.listkeys",
        "trentservice.ListKeys",
        "KMS.ListKeys",
        "ListKeys",
        "TrentService.ListKeys.Extra",
        "",
    ];

    [Theory]
    [MemberData(nameof(UnknownTargets))]
    public async Task An_unknown_target_answers_UnknownOperationException(string target)
    {
        var request = WireSigner.Sign(fx.Wire.Unsigned("ListKeys", "{}"u8.ToArray()).WithHeader("X-Amz-Target", target), WireCredentials.DevUnknown, DateTimeOffset.UtcNow);

        var response = await fx.Wire.SendAsync(request);

        Assert.Null(response.AssertError("UnknownOperationException"));
    }

    [Fact]
    public async Task A_request_without_a_target_answers_UnknownOperationException()
    {
        var request = WireSigner.Sign(fx.Wire.Unsigned("ListKeys", "{}"u8.ToArray()).WithoutHeader("X-Amz-Target"), WireCredentials.DevUnknown, DateTimeOffset.UtcNow);

        (await fx.Wire.SendAsync(request)).AssertError("UnknownOperationException");
    }

    [Theory]
    [InlineData("PUT", "/")]
    [InlineData("GET", "/")]
    [InlineData("POST", "/kms")]
    [InlineData("POST", "//")]
    [InlineData("POST", "/index.html?x=1")]
    public async Task Only_POST_to_the_root_path_reaches_an_operation(string method, string target)
    {
        var request = WireSigner.Sign(fx.Wire.Unsigned("ListKeys", "{}"u8.ToArray()) with { Method = method, Target = target }, WireCredentials.DevUnknown, DateTimeOffset.UtcNow);

        (await fx.Wire.SendAsync(request)).AssertError("UnknownOperationException");
    }

    public static TheoryData<string> NotImplemented => KmsModel.Theory(KmsModel.NotImplemented);

    [Theory]
    [MemberData(nameof(NotImplemented))]
    public async Task A_model_operation_Trent_does_not_implement_answers_UnsupportedOperationException_naming_it(string operation)
    {
        var response = await fx.Wire.SendAsync(operation, "{}");

        Assert.Equal($"Trent does not implement the {operation} operation.", response.AssertError("UnsupportedOperationException"));
    }

    public static TheoryData<string> Implemented => KmsModel.Theory(KmsModel.Implemented);

    [Theory]
    [MemberData(nameof(Implemented))]
    public async Task Every_implemented_operation_is_reached_through_its_target(string operation)
    {
        var response = await fx.Wire.SendAsync(operation, ValidValues.Structure(KmsModel.Input(operation)).ToJsonString());

        // The operation itself answers: success, or a business-rule error (an unknown key, a missing choice).
        Assert.True(response.Status is 200 or 400, response.ToString());
        Assert.True(response.Status == 200 || response.Type is not ("UnknownOperationException" or "UnsupportedOperationException" or "SerializationException"),
            $"{operation}: {response}");
        Assert.DoesNotContain("validation error detected", response.Text, StringComparison.Ordinal);
    }
}
