using System.Text.RegularExpressions;
using Trent.Core;

namespace Trent.Protocol.Tests.Auth;

/// <summary>
/// Requests whose authentication cannot even be read are refused with MissingAuthenticationTokenException or
/// IncompleteSignatureException, and no message ever carries the signature.
/// </summary>
public sealed partial class MalformedAuthorizationTests
{
    private const string Credential = "Credential=AKIAALICE0000EXAMPLE/20150830/us-east-1/kms/aws4_request";
    private const string SignedHeaders = "SignedHeaders=content-type;host;x-amz-date;x-amz-target";

    private readonly VerifierHarness _harness = new();
    private readonly TestRequest _signed = TestRequest.SignedEncrypt();

    private string Signature => SignatureValue().Match(_signed.Header("Authorization")!).Groups[1].Value;

    [Fact]
    public async Task A_request_without_Authorization_returns_MissingAuthenticationTokenException() =>
        await _harness.AssertRejectedAsync(
            _signed.WithoutHeader("Authorization"), KmsErrorCode.MissingAuthenticationTokenException, "Missing Authentication Token");

    [Fact]
    public async Task An_empty_Authorization_header_returns_MissingAuthenticationTokenException() =>
        await _harness.AssertRejectedAsync(
            _signed.SetHeader("Authorization", ""), KmsErrorCode.MissingAuthenticationTokenException, "Missing Authentication Token");

    [Fact]
    public async Task Query_string_authentication_returns_IncompleteSignatureException_saying_it_is_unsupported()
    {
        var presigned = _signed.WithoutHeader("Authorization") with
        {
            Query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAALICE0000EXAMPLE%2F20150830%2Fus-east-1%2Fkms%2Faws4_request",
        };

        await _harness.AssertRejectedAsync(
            presigned,
            KmsErrorCode.IncompleteSignatureException,
            "Query-string (presigned) authentication is not supported; sign the request with an Authorization header.");
    }

    [Fact]
    public async Task Two_Authorization_headers_return_IncompleteSignatureException() =>
        await _harness.AssertRejectedAsync(
            _signed.WithHeader("Authorization", _signed.Header("Authorization")!),
            KmsErrorCode.IncompleteSignatureException,
            "The request carries more than one Authorization header.");

    [Fact]
    public async Task A_missing_Signature_parameter_is_named_in_IncompleteSignatureException() =>
        await AssertIncompleteAsync(
            $"AWS4-HMAC-SHA256 {Credential}, {SignedHeaders}",
            $"Authorization header requires 'Signature' parameter. Authorization=AWS4-HMAC-SHA256 {Credential}, {SignedHeaders}");

    [Fact]
    public async Task A_missing_SignedHeaders_parameter_is_named_in_IncompleteSignatureException() =>
        await AssertIncompleteAsync(
            $"AWS4-HMAC-SHA256 {Credential}, Signature={Signature}",
            $"Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 {Credential}, Signature=***");

    [Fact]
    public async Task A_missing_Credential_parameter_is_named_in_IncompleteSignatureException() =>
        await AssertIncompleteAsync(
            $"AWS4-HMAC-SHA256 {SignedHeaders}, Signature={Signature}",
            $"Authorization header requires 'Credential' parameter. Authorization=AWS4-HMAC-SHA256 {SignedHeaders}, Signature=***");

    [Fact]
    public async Task Every_missing_part_including_the_date_is_listed_in_one_message() =>
        await _harness.AssertRejectedAsync(
            _signed.SetHeader("Authorization", "AWS4-HMAC-SHA256").WithoutHeader("X-Amz-Date"),
            KmsErrorCode.IncompleteSignatureException,
            "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
            "Authorization header requires 'SignedHeaders' parameter. " +
            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256");

    [Fact]
    public async Task A_request_without_X_Amz_Date_or_Date_returns_IncompleteSignatureException_with_the_redacted_header()
    {
        var error = await _harness.AssertRejectedAsync(
            _signed.WithoutHeader("X-Amz-Date"),
            KmsErrorCode.IncompleteSignatureException,
            $"Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256 {Credential}, {SignedHeaders}, Signature=***");

        AssertNoSignatureLeak(error);
    }

    [Fact]
    public async Task A_parameter_without_an_equal_sign_returns_IncompleteSignatureException() =>
        await AssertIncompleteAsync(
            "AWS4-HMAC-SHA256 garbage",
            "'garbage' not a valid key=value pair (missing equal-sign) in Authorization header: 'AWS4-HMAC-SHA256 garbage'.");

    [Fact]
    public async Task A_space_inside_the_Credential_value_splits_it_as_AWS_does() =>
        await AssertIncompleteAsync(
            $"AWS4-HMAC-SHA256 Credential= AKIAALICE0000EXAMPLE/20150830/us-east-1/kms/aws4_request, {SignedHeaders}, Signature={Signature}",
            "'AKIAALICE0000EXAMPLE/20150830/us-east-1/kms/aws4_request' not a valid key=value pair (missing equal-sign) in Authorization header: " +
            $"'AWS4-HMAC-SHA256 Credential= AKIAALICE0000EXAMPLE/20150830/us-east-1/kms/aws4_request, {SignedHeaders}, Signature=***'.");

    [Fact]
    public async Task A_space_after_Signature_equals_does_not_echo_the_signature() =>
        await AssertIncompleteAsync(
            $"AWS4-HMAC-SHA256 {Credential}, {SignedHeaders}, Signature= {Signature}",
            $"'***' not a valid key=value pair (missing equal-sign) in Authorization header: 'AWS4-HMAC-SHA256 {Credential}, {SignedHeaders}, Signature= ***'.");

    [Fact]
    public async Task A_bearer_token_returns_IncompleteSignatureException_without_echoing_the_token()
    {
        var error = await AssertIncompleteAsync(
            "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0cmVudCJ9.c2VjcmV0",
            "Unsupported authorization scheme. Only 'AWS4-HMAC-SHA256' (Signature Version 4) is accepted.");

        Assert.DoesNotContain("eyJ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AWS4-ECDSA-P256-SHA256")]
    [InlineData("AWS4-HMAC-SHA512")]
    [InlineData("aws4-hmac-sha256")]
    [InlineData("AWS")]
    public async Task An_unsupported_algorithm_returns_IncompleteSignatureException_naming_it(string algorithm) =>
        await AssertIncompleteAsync(
            $"{algorithm} {Credential}, {SignedHeaders}, Signature={Signature}",
            $"Unsupported AWS 'algorithm': '{algorithm}'. Only 'AWS4-HMAC-SHA256' (Signature Version 4) is accepted.");

    [Fact]
    public async Task A_signature_version_2_header_returns_IncompleteSignatureException_naming_AWS() =>
        await AssertIncompleteAsync(
            "AWS AKIAALICE0000EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=",
            "Unsupported AWS 'algorithm': 'AWS'. Only 'AWS4-HMAC-SHA256' (Signature Version 4) is accepted.");

    [Theory]
    [InlineData("Credential")]
    [InlineData("SignedHeaders")]
    [InlineData("Signature")]
    public async Task A_duplicated_parameter_returns_IncompleteSignatureException(string parameter)
    {
        var authorization = _signed.Header("Authorization")!;
        var duplicate = Regex.Match(authorization, $"{parameter}=[^,]*").Value;

        var error = await _harness.AssertRejectedAsync(
            _signed.SetHeader("Authorization", $"{authorization}, {duplicate}"), KmsErrorCode.IncompleteSignatureException);

        Assert.StartsWith($"Authorization header has more than one '{parameter}' parameter. Authorization=AWS4-HMAC-SHA256 ", error.Message, StringComparison.Ordinal);
        AssertNoSignatureLeak(error);
    }

    [Fact]
    public async Task An_empty_signature_returns_IncompleteSignatureException() =>
        await AssertIncompleteAsync(
            $"AWS4-HMAC-SHA256 {Credential}, {SignedHeaders}, Signature=",
            $"Authorization header 'Signature' parameter must be 64 lowercase hexadecimal characters. Authorization=AWS4-HMAC-SHA256 {Credential}, {SignedHeaders}, Signature=");

    [Theory]
    [InlineData("uppercase")]
    [InlineData("too short")]
    [InlineData("too long")]
    [InlineData("not hex")]
    public async Task A_signature_that_is_not_64_lowercase_hex_digits_returns_IncompleteSignatureException(string defect)
    {
        var signature = defect switch
        {
            "uppercase" => Signature.ToUpperInvariant(),
            "too short" => Signature[..63],
            "too long" => Signature + "0",
            _ => Signature[..63] + "g",
        };

        var error = await AssertIncompleteAsync(
            $"AWS4-HMAC-SHA256 {Credential}, {SignedHeaders}, Signature={signature}",
            $"Authorization header 'Signature' parameter must be 64 lowercase hexadecimal characters. Authorization=AWS4-HMAC-SHA256 {Credential}, {SignedHeaders}, Signature=***");

        Assert.DoesNotContain(signature, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("AKIAALICE0000EXAMPLE/20150830/us-east-1/kms", 4)]
    [InlineData("AKIAALICE0000EXAMPLE", 1)]
    [InlineData("", 1)]
    [InlineData("alice/Secret+0123456789abcdefghijklmnopq/20150830/us-east-1/kms/aws4_request", 6)]
    public async Task A_credential_without_five_elements_returns_IncompleteSignatureException_without_echoing_it(string credential, int elements)
    {
        var error = await AssertIncompleteAsync(
            $"AWS4-HMAC-SHA256 Credential={credential}, {SignedHeaders}, Signature={Signature}",
            $"Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got {elements}.");

        Assert.DoesNotContain("Secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2015-08-30T12:36:00Z")]
    [InlineData("20150830T123600")]
    [InlineData("20150830 123600Z")]
    [InlineData("20151330T123600Z")]
    public async Task An_X_Amz_Date_not_in_ISO_8601_basic_format_returns_IncompleteSignatureException(string date) =>
        await _harness.AssertRejectedAsync(
            _signed.SetHeader("X-Amz-Date", date),
            KmsErrorCode.IncompleteSignatureException,
            $"Date must be in ISO-8601 'basic format'. Got '{date}'. See http://en.wikipedia.org/wiki/ISO_8601");

    [Fact]
    public async Task A_Date_header_that_is_not_an_HTTP_date_returns_IncompleteSignatureException() =>
        await _harness.AssertRejectedAsync(
            _signed.WithoutHeader("X-Amz-Date").SetHeader("Date", "yesterday"),
            KmsErrorCode.IncompleteSignatureException,
            "Date must be an RFC 1123 date, e.g. 'Sun, 30 Aug 2015 12:36:00 GMT'. Got 'yesterday'.");

    [Fact]
    public async Task Parameters_separated_by_bare_commas_in_any_order_with_unknown_ones_verify()
    {
        var reordered = $"AWS4-HMAC-SHA256 Signature={Signature},{SignedHeaders},Extra=ignored,{Credential}";

        var result = await _harness.VerifyAsync(_signed.SetHeader("Authorization", reordered));

        Assert.Equal(TestKeys.Alice.AccessKeyId, result.Caller.AccessKeyId);
    }

    private async Task<KmsException> AssertIncompleteAsync(string authorization, string message)
    {
        var error = await _harness.AssertRejectedAsync(
            _signed.SetHeader("Authorization", authorization), KmsErrorCode.IncompleteSignatureException, message);
        AssertNoSignatureLeak(error);
        return error;
    }

    private void AssertNoSignatureLeak(KmsException error) =>
        Assert.DoesNotContain(Signature[..16], error.Message, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("Signature=([0-9a-f]{64})")]
    private static partial Regex SignatureValue();
}
