using Trent.Core;
using Trent.Protocol.Auth;

namespace Trent.Protocol.Tests.Auth;

/// <summary>Changing any signed part of a correctly signed request breaks its signature.</summary>
public sealed class TamperingTests
{
    private readonly VerifierHarness _harness = new();

    [Fact]
    public async Task An_untouched_signed_request_verifies_as_its_signer()
    {
        var result = await _harness.VerifyAsync(TestRequest.SignedEncrypt());

        Assert.Equal(TestKeys.Alice.Identity, result.Caller);
        Assert.Equal("us-east-1", result.Region);
        Assert.Equal("kms", result.Service);
        Assert.Equal(TestRequest.SigningTime, result.SignedAt);
    }

    [Fact]
    public async Task Changing_the_method_after_signing_returns_InvalidSignatureException() =>
        await AssertMismatchAsync(TestRequest.SignedEncrypt() with { Method = "PUT" });

    [Fact]
    public async Task Changing_the_path_after_signing_returns_InvalidSignatureException() =>
        await AssertMismatchAsync(TestRequest.SignedEncrypt() with { Path = "/admin" });

    [Fact]
    public async Task Adding_a_query_string_after_signing_returns_InvalidSignatureException() =>
        await AssertMismatchAsync(TestRequest.SignedEncrypt() with { Query = "Action=DeleteKey" });

    [Fact]
    public async Task Changing_a_query_value_after_signing_returns_InvalidSignatureException()
    {
        var signed = (TestRequest.Kms() with { Query = "Limit=10&Marker=abc" }).SignedBy(TestKeys.Alice);
        await _harness.VerifyAsync(signed);

        await AssertMismatchAsync(signed with { Query = "Limit=11&Marker=abc" });
    }

    [Theory]
    [InlineData("Host", "kms.eu-west-1.amazonaws.com")]
    [InlineData("Content-Type", "application/json")]
    [InlineData("X-Amz-Target", "TrentService.ScheduleKeyDeletion")]
    public async Task Changing_a_signed_header_value_after_signing_returns_InvalidSignatureException(string name, string value) =>
        await AssertMismatchAsync(TestRequest.SignedEncrypt().SetHeader(name, value));

    [Fact]
    public async Task Sending_a_signed_header_twice_returns_InvalidSignatureException() =>
        await AssertMismatchAsync(TestRequest.SignedEncrypt().WithHeader("X-Amz-Target", "TrentService.Decrypt"));

    [Fact]
    public async Task Removing_a_signed_header_from_the_request_returns_InvalidSignatureException() =>
        await AssertMismatchAsync(TestRequest.SignedEncrypt().WithoutHeader("Content-Type"));

    [Fact]
    public async Task Naming_a_header_in_SignedHeaders_that_the_request_lacks_returns_InvalidSignatureException() =>
        await AssertMismatchAsync(TestRequest.SignedEncrypt().WithAuthorization(
            a => a.Replace("SignedHeaders=content-type;", "SignedHeaders=content-md5;content-type;", StringComparison.Ordinal)));

    [Fact]
    public async Task Changing_an_unsigned_header_leaves_the_signature_valid()
    {
        var signed = TestRequest.Kms()
            .Signed(new Signing(TestKeys.Alice, TestRequest.SigningTime, SignedHeaders: ["content-type", "host", "x-amz-date", "x-amz-target"]));

        var result = await _harness.VerifyAsync(signed.WithHeader("User-Agent", "aws-cli/2.27.0").WithHeader("amz-sdk-request", "attempt=2"));

        Assert.Equal(TestKeys.Alice.AccessKeyId, result.Caller.AccessKeyId);
    }

    [Fact]
    public async Task Changing_one_byte_of_the_body_after_signing_returns_InvalidSignatureException()
    {
        var signed = TestRequest.SignedEncrypt();
        var body = signed.Body.ToArray();
        body[^2] ^= 0x01;

        await AssertMismatchAsync(signed with { Body = body });
    }

    [Fact]
    public async Task Appending_to_the_body_after_signing_returns_InvalidSignatureException()
    {
        var signed = TestRequest.SignedEncrypt();

        await AssertMismatchAsync(signed with { Body = [.. signed.Body, (byte)' '] });
    }

    [Fact]
    public async Task A_signature_over_a_claimed_x_amz_content_sha256_instead_of_the_body_returns_InvalidSignatureException()
    {
        var request = TestRequest.Kms();
        var claim = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("{\"KeyId\":\"alias/other\"}"u8));
        var signed = request.WithHeader("X-Amz-Content-Sha256", claim)
            .Signed(new Signing(TestKeys.Alice, TestRequest.SigningTime, PayloadHash: claim));

        await AssertMismatchAsync(signed);
    }

    [Fact]
    public async Task An_UNSIGNED_PAYLOAD_signature_returns_InvalidSignatureException()
    {
        var signed = TestRequest.Kms().WithHeader("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD")
            .Signed(new Signing(TestKeys.Alice, TestRequest.SigningTime, PayloadHash: "UNSIGNED-PAYLOAD"));

        await AssertMismatchAsync(signed);
    }

    [Fact]
    public async Task Changing_the_X_Amz_Date_within_the_allowed_skew_returns_InvalidSignatureException() =>
        await AssertMismatchAsync(TestRequest.SignedEncrypt().SetHeader("X-Amz-Date", "20150830T123700Z"));

    [Fact]
    public async Task Changing_the_scope_region_to_another_valid_region_returns_InvalidSignatureException() =>
        await AssertMismatchAsync(TestRequest.SignedEncrypt().WithAuthorization(
            a => a.Replace("/us-east-1/", "/eu-west-1/", StringComparison.Ordinal)));

    [Fact]
    public async Task Changing_the_scope_service_to_another_accepted_service_returns_InvalidSignatureException()
    {
        var harness = new VerifierHarness(new SigV4Options { Services = ["kms", "iam"] });
        var request = TestRequest.SignedEncrypt().WithAuthorization(a => a.Replace("/kms/", "/iam/", StringComparison.Ordinal));

        await harness.AssertRejectedAsync(request, KmsErrorCode.InvalidSignatureException, VerifierHarness.SignatureMismatch);
    }

    [Fact]
    public async Task Changing_the_access_key_id_to_another_known_key_returns_InvalidSignatureException() =>
        await AssertMismatchAsync(TestRequest.SignedEncrypt().WithAuthorization(
            a => a.Replace(TestKeys.Alice.AccessKeyId, TestKeys.Bob.AccessKeyId, StringComparison.Ordinal)));

    [Fact]
    public async Task Signing_with_a_wrong_secret_returns_InvalidSignatureException() =>
        await AssertMismatchAsync(TestRequest.SignedEncrypt(TestKeys.Alice with { Secret = TestKeys.Alice.Secret + "x" }));

    [Fact]
    public async Task Changing_one_digit_of_the_signature_returns_InvalidSignatureException()
    {
        var signed = TestRequest.SignedEncrypt();
        var authorization = signed.Header("Authorization")!;
        var flipped = authorization[^1] == '0' ? '1' : '0';

        await AssertMismatchAsync(signed.SetHeader("Authorization", authorization[..^1] + flipped));
    }

    private Task<KmsException> AssertMismatchAsync(TestRequest request) =>
        _harness.AssertRejectedAsync(request, KmsErrorCode.InvalidSignatureException, VerifierHarness.SignatureMismatch);
}
