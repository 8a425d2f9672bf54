using Amazon.KeyManagementService.Model;

namespace Trent.Server.Tests.Wire;

/// <summary>
/// Requests signed by the AWS SDK for .NET, captured before they leave the client and replayed over a raw socket:
/// verbatim they succeed; with any signed part changed the server refuses them with AWS's error type.
/// </summary>
public sealed class SigV4ReplayTests(StrictServerFixture fx) : IClassFixture<StrictServerFixture>
{
    private Task<WireRequest> SignedListKeysAsync() =>
        SdkTraffic.CaptureAsync(fx.Server.BaseAddress, fx.Root, kms => kms.ListKeysAsync(new ListKeysRequest { Limit = 5 }));

    [Fact]
    public async Task A_captured_SDK_request_replayed_verbatim_succeeds()
    {
        var request = await SignedListKeysAsync();

        var response = await fx.Wire.SendAsync(request);

        Assert.True(response.Status == 200, response.ToString());
        Assert.False(response.Json.GetProperty("Truncated").GetBoolean());
    }

    [Fact]
    public async Task A_captured_SDK_request_with_an_unsigned_header_added_still_succeeds() =>
        Assert.Equal(200, (await fx.Wire.SendAsync((await SignedListKeysAsync()).WithHeader("X-Unsigned-Extra", "1"))).Status);

    [Fact]
    public async Task The_SDK_signs_the_headers_the_tampering_tests_change()
    {
        var signed = Tamper.SignedHeaders(await SignedListKeysAsync());

        Assert.Superset(new HashSet<string> { "host", "x-amz-date", "x-amz-target", "content-type" }, signed.ToHashSet());
    }

    [Fact]
    public async Task Changing_any_signed_header_value_answers_InvalidSignatureException()
    {
        var request = await SignedListKeysAsync();
        var failures = new List<string>();
        foreach (var name in Tamper.SignedHeaders(request))
        {
            var original = request.Header(name)!;
            var changed = Tamper.ChangeLastCharacter(original);
            var response = await fx.Wire.SendAsync(request.WithHeader(name, changed));
            if (response.Status != 400 || response.Type != "InvalidSignatureException")
            {
                failures.Add($"{name}: {original} -> {changed}: {response}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Removing_a_signed_header_answers_InvalidSignatureException()
    {
        var request = await SignedListKeysAsync();
        var failures = new List<string>();
        // Without Host the request is not HTTP/1.1; without a date it is not a SigV4 request (tested below).
        foreach (var name in Tamper.SignedHeaders(request).Except(["host", "x-amz-date"]))
        {
            var response = await fx.Wire.SendAsync(request.WithoutHeader(name));
            if (response.Status != 400 || response.Type != "InvalidSignatureException")
            {
                failures.Add($"{name}: {response}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Removing_the_date_answers_IncompleteSignatureException() =>
        (await fx.Wire.SendAsync((await SignedListKeysAsync()).WithoutHeader("X-Amz-Date"))).AssertError("IncompleteSignatureException");

    public static TheoryData<string, string> RequestLineChanges => new()
    {
        { "method", "PUT /" },
        { "path", "POST /other" },
        { "path with a trailing slash", "POST /kms/" },
        { "query", "POST /?Limit=6" },
    };

    [Theory]
    [MemberData(nameof(RequestLineChanges))]
    public async Task Changing_the_method_path_or_query_answers_InvalidSignatureException(string what, string requestLine)
    {
        var request = await SignedListKeysAsync();
        var parts = requestLine.Split(' ');

        var response = await fx.Wire.SendAsync(request with { Method = parts[0], Target = parts[1] });

        Assert.True(response.Type == "InvalidSignatureException", $"{what}: {response}");
    }

    [Fact]
    public async Task Changing_one_byte_of_the_body_answers_InvalidSignatureException()
    {
        var request = await SignedListKeysAsync();
        var body = (byte[])request.Body.Clone();
        var digit = Array.IndexOf(body, (byte)'5');
        body[digit] = (byte)'6';

        (await fx.Wire.SendAsync(request with { Body = body })).AssertError("InvalidSignatureException");
    }

    [Fact]
    public async Task Signing_for_another_region_answers_InvalidSignatureException()
    {
        var request = Tamper.Credential(await SignedListKeysAsync(), 2, _ => "eu-west-1");

        Assert.Equal(
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
            (await fx.Wire.SendAsync(request)).AssertError("InvalidSignatureException"));
    }

    [Fact]
    public async Task A_credential_scope_with_a_malformed_region_answers_InvalidSignatureException() =>
        Assert.Equal(
            "Credential should be scoped to a valid region, not 'nowhere'. ",
            (await fx.Wire.SendAsync(Tamper.Credential(await SignedListKeysAsync(), 2, _ => "nowhere"))).AssertError("InvalidSignatureException"));

    [Fact]
    public async Task A_credential_scope_for_another_service_answers_InvalidSignatureException() =>
        Assert.Equal(
            "Credential should be scoped to correct service: 'kms'. ",
            (await fx.Wire.SendAsync(Tamper.Credential(await SignedListKeysAsync(), 3, _ => "s3"))).AssertError("InvalidSignatureException"));

    [Fact]
    public async Task A_credential_scope_date_other_than_the_request_date_answers_InvalidSignatureException()
    {
        var request = Tamper.Credential(await SignedListKeysAsync(), 1, Tamper.ChangeLastCharacter);

        Assert.StartsWith(
            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP",
            (await fx.Wire.SendAsync(request)).AssertError("InvalidSignatureException"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credential_scope_with_another_terminator_answers_InvalidSignatureException() =>
        (await fx.Wire.SendAsync(Tamper.Credential(await SignedListKeysAsync(), 4, _ => "aws5_request"))).AssertError("InvalidSignatureException");

    [Fact]
    public async Task Another_access_key_id_answers_UnrecognizedClientException() =>
        Assert.Equal(
            "The security token included in the request is invalid.",
            (await fx.Wire.SendAsync(Tamper.Credential(await SignedListKeysAsync(), 0, Tamper.ChangeLastCharacter))).AssertError("UnrecognizedClientException"));

    [Fact]
    public async Task A_changed_signature_answers_InvalidSignatureException() =>
        (await fx.Wire.SendAsync(Tamper.Authorization(await SignedListKeysAsync(), Tamper.ChangeLastCharacter))).AssertError("InvalidSignatureException");

    [Fact]
    public async Task X_Amz_Target_left_out_of_SignedHeaders_answers_InvalidSignatureException() =>
        Assert.Equal(
            "'X-Amz-Target' must be a 'SignedHeader' in the AWS Authorization.",
            (await fx.Wire.SendAsync(Tamper.Authorization(await SignedListKeysAsync(), a => a.Replace(";x-amz-target", "", StringComparison.Ordinal))))
                .AssertError("InvalidSignatureException"));

    public static TheoryData<string, string, string> BrokenAuthorization => new()
    {
        { "no Signature", ", Signature=", "IncompleteSignatureException" },
        { "no SignedHeaders", "SignedHeaders=", "IncompleteSignatureException" },
        { "no Credential", "Credential=", "IncompleteSignatureException" },
        { "another algorithm", "AWS4-HMAC-SHA256", "IncompleteSignatureException" },
    };

    [Theory]
    [MemberData(nameof(BrokenAuthorization))]
    public async Task A_malformed_Authorization_header_answers_IncompleteSignatureException(string what, string removed, string type)
    {
        var request = Tamper.Authorization(await SignedListKeysAsync(), a => removed == "AWS4-HMAC-SHA256"
            ? a.Replace(removed, "AWS4-HMAC-SHA512", StringComparison.Ordinal)
            : a.Replace(removed, "X" + removed.TrimStart(',', ' '), StringComparison.Ordinal));

        var response = await fx.Wire.SendAsync(request);

        Assert.True(response.Type == type && response.Status == 400, $"{what}: {response}");
    }

    [Fact]
    public async Task A_request_without_Authorization_answers_MissingAuthenticationTokenException() =>
        Assert.Equal(
            "Missing Authentication Token",
            (await fx.Wire.SendAsync((await SignedListKeysAsync()).WithoutHeader("Authorization"))).AssertError("MissingAuthenticationTokenException"));
}
