using Trent.Core;
using Trent.Protocol.Auth;

namespace Trent.Protocol.Tests.Auth;

/// <summary>The credential scope and the signed-header list are checked before any key is looked up.</summary>
public sealed class CredentialScopeTests
{
    private readonly VerifierHarness _harness = new();

    [Fact]
    public async Task A_scope_terminator_other_than_aws4_request_returns_InvalidSignatureException() =>
        await _harness.AssertRejectedAsync(
            WithScope("/kms/aws4_request", "/kms/aws4_requesx"),
            KmsErrorCode.InvalidSignatureException,
            "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws4_requesx'.");

    [Fact]
    public async Task A_scope_for_another_service_returns_InvalidSignatureException_naming_the_expected_one() =>
        await _harness.AssertRejectedAsync(
            TestRequest.Kms().Signed(new Signing(TestKeys.Alice, TestRequest.SigningTime, Service: "s3")),
            KmsErrorCode.InvalidSignatureException,
            "Credential should be scoped to correct service: 'kms'. ");

    [Fact]
    public async Task Every_configured_service_is_accepted_and_reported()
    {
        var harness = new VerifierHarness(new SigV4Options { Services = ["kms", "iam", "sts"] });

        foreach (var service in new[] { "kms", "iam", "sts" })
        {
            var result = await harness.VerifyAsync(
                TestRequest.Kms().Signed(new Signing(TestKeys.Alice, TestRequest.SigningTime, Service: service)));
            Assert.Equal(service, result.Service);
        }
    }

    [Fact]
    public async Task Service_names_are_compared_case_sensitively() =>
        await _harness.AssertRejectedAsync(
            TestRequest.Kms().Signed(new Signing(TestKeys.Alice, TestRequest.SigningTime, Service: "KMS")),
            KmsErrorCode.InvalidSignatureException,
            "Credential should be scoped to correct service: 'kms'. ");

    [Theory]
    [InlineData("us-east-1")]
    [InlineData("eu-central-2")]
    [InlineData("ap-southeast-5")]
    [InlineData("us-gov-west-1")]
    [InlineData("cn-north-1")]
    [InlineData("us-isob-east-1")]
    [InlineData("il-central-1")]
    public async Task A_well_formed_region_verifies_and_is_reported(string region)
    {
        var result = await _harness.VerifyAsync(
            TestRequest.Kms().Signed(new Signing(TestKeys.Alice, TestRequest.SigningTime, region)));

        Assert.Equal(region, result.Region);
    }

    [Theory]
    [InlineData("us-east")]
    [InlineData("US-EAST-1")]
    [InlineData("useast1")]
    [InlineData("u-east-1")]
    [InlineData("use-east-1")]
    [InlineData("us-east-1a")]
    [InlineData("us--1")]
    [InlineData("us-east-")]
    [InlineData("aws-global")]
    [InlineData("us-east-\u0661")]
    [InlineData("")]
    public async Task A_malformed_region_returns_InvalidSignatureException(string region) =>
        await _harness.AssertRejectedAsync(
            TestRequest.Kms().Signed(new Signing(TestKeys.Alice, TestRequest.SigningTime, region)),
            KmsErrorCode.InvalidSignatureException,
            $"Credential should be scoped to a valid region, not '{region}'. ");

    [Fact]
    public async Task An_overlong_region_returns_InvalidSignatureException()
    {
        var region = "us-" + string.Join('-', Enumerable.Repeat("east", 20)) + "-1";

        await _harness.AssertRejectedAsync(
            TestRequest.Kms().Signed(new Signing(TestKeys.Alice, TestRequest.SigningTime, region)),
            KmsErrorCode.InvalidSignatureException);
    }

    [Fact]
    public async Task A_scope_date_other_than_the_request_date_returns_InvalidSignatureException() =>
        await _harness.AssertRejectedAsync(
            WithScope("/20150830/", "/20150831/"),
            KmsErrorCode.InvalidSignatureException,
            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20150831' != '20150830', from '20150830T123600Z'.");

    [Fact]
    public async Task A_scope_date_is_compared_with_the_Date_header_when_it_dates_the_request()
    {
        var request = TestRequest.Kms()
            .Signed(new Signing(TestKeys.Alice, TestRequest.SigningTime, UseDateHeader: true))
            .WithAuthorization(a => a.Replace("/20150830/", "/20150829/", StringComparison.Ordinal));

        await _harness.AssertRejectedAsync(
            request,
            KmsErrorCode.InvalidSignatureException,
            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20150829' != '20150830', from 'Sun, 30 Aug 2015 12:36:00 GMT'.");
    }

    [Fact]
    public async Task A_request_dated_and_signed_with_the_Date_header_verifies()
    {
        var result = await _harness.VerifyAsync(
            TestRequest.Kms().Signed(new Signing(TestKeys.Alice, TestRequest.SigningTime, UseDateHeader: true)));

        Assert.Equal(TestRequest.SigningTime, result.SignedAt);
    }

    [Fact]
    public async Task X_Amz_Date_takes_precedence_over_Date()
    {
        var signed = TestRequest.SignedEncrypt().WithHeader("Date", "Mon, 01 Jan 2001 00:00:00 GMT");

        var result = await _harness.VerifyAsync(signed);

        Assert.Equal(TestRequest.SigningTime, result.SignedAt);
    }

    [Fact]
    public async Task Leaving_host_out_of_SignedHeaders_returns_InvalidSignatureException() =>
        await _harness.AssertRejectedAsync(
            Signed(["content-type", "x-amz-date", "x-amz-target"]),
            KmsErrorCode.InvalidSignatureException,
            "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");

    [Fact]
    public async Task An_empty_SignedHeaders_returns_InvalidSignatureException_about_host() =>
        await _harness.AssertRejectedAsync(
            TestRequest.SignedEncrypt().WithAuthorization(
                a => a.Replace("SignedHeaders=content-type;host;x-amz-date;x-amz-target", "SignedHeaders=", StringComparison.Ordinal)),
            KmsErrorCode.InvalidSignatureException,
            "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");

    [Fact]
    public async Task Leaving_x_amz_date_out_of_SignedHeaders_returns_InvalidSignatureException() =>
        await _harness.AssertRejectedAsync(
            Signed(["content-type", "host", "x-amz-target"]),
            KmsErrorCode.InvalidSignatureException,
            "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");

    [Fact]
    public async Task Leaving_date_out_of_SignedHeaders_when_Date_dates_the_request_returns_InvalidSignatureException() =>
        await _harness.AssertRejectedAsync(
            TestRequest.Kms().Signed(new Signing(
                TestKeys.Alice, TestRequest.SigningTime, SignedHeaders: ["content-type", "host", "x-amz-target"], UseDateHeader: true)),
            KmsErrorCode.InvalidSignatureException,
            "'Date' must be a 'SignedHeader' in the AWS Authorization.");

    [Fact]
    public async Task Signing_only_host_x_amz_date_and_x_amz_target_is_enough()
    {
        var result = await _harness.VerifyAsync(Signed(["host", "x-amz-date", "x-amz-target"]));

        Assert.Equal(TestKeys.Alice.AccessKeyId, result.Caller.AccessKeyId);
    }

    [Fact]
    public async Task Leaving_x_amz_target_out_of_SignedHeaders_returns_InvalidSignatureException() =>
        await _harness.AssertRejectedAsync(
            Signed(["content-type", "host", "x-amz-date"]),
            KmsErrorCode.InvalidSignatureException,
            "'X-Amz-Target' must be a 'SignedHeader' in the AWS Authorization.");

    [Fact]
    public async Task A_scope_error_is_reported_before_the_key_is_looked_up()
    {
        await _harness.RejectAsync(WithScope("/us-east-1/", "/mars-1/"));

        Assert.Equal(0, _harness.Keys.Lookups);
    }

    [Fact]
    public void A_verifier_refuses_options_without_a_valid_service_name()
    {
        var keys = new InMemoryAccessKeys();

        Assert.Throws<ArgumentException>(() => new SigV4Verifier(keys, TimeProvider.System, new SigV4Options { Services = [] }));
        Assert.Throws<ArgumentException>(() => new SigV4Verifier(keys, TimeProvider.System, new SigV4Options { Services = ["KMS"] }));
        Assert.Throws<ArgumentException>(() => new SigV4Verifier(keys, TimeProvider.System, new SigV4Options { Services = [""] }));
    }

    private static TestRequest Signed(IReadOnlyList<string> signedHeaders) =>
        TestRequest.Kms().Signed(new Signing(TestKeys.Alice, TestRequest.SigningTime, SignedHeaders: signedHeaders));

    private static TestRequest WithScope(string from, string to) =>
        TestRequest.SignedEncrypt().WithAuthorization(a => a.Replace(from, to, StringComparison.Ordinal));
}
