using System.Security.Cryptography;
using System.Text;
using Trent.Protocol.Auth;

namespace Trent.Protocol.Tests.Auth;

/// <summary>
/// Vectors published by AWS: the worked example of the "Signature Version 4 signing process" documentation
/// (IAM ListUsers) and cases of the aws-sig-v4-test-suite (service "service", us-east-1, 20150830T123600Z).
/// Requests and expected signatures are written out literally here, not produced by any signer of ours.
/// </summary>
public sealed class KnownAnswerTests
{
    private const string IamExampleCanonicalRequest =
        "GET\n/\nAction=ListUsers&Version=2010-05-08\n" +
        "content-type:application/x-www-form-urlencoded; charset=utf-8\nhost:iam.amazonaws.com\nx-amz-date:20150830T123600Z\n\n" +
        "content-type;host;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static readonly TestRequest IamExample = new(
        "GET",
        "/",
        "Action=ListUsers&Version=2010-05-08",
        [
            ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
            ("Host", "iam.amazonaws.com"),
            ("X-Amz-Date", "20150830T123600Z"),
            ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"),
        ],
        []);

    [Fact]
    public async Task The_AWS_documentation_IAM_ListUsers_example_verifies_as_the_example_key()
    {
        var keys = new InMemoryAccessKeys().Add(TestKeys.AwsExample);
        var verifier = new SigV4Verifier(
            keys, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestRequest.SigningTime), new SigV4Options { Services = ["iam"] });

        var result = await verifier.VerifyAsync(IamExample.ToSigV4Request());

        Assert.Equal(TestKeys.AwsExample.Identity, result.Caller);
        Assert.Equal("us-east-1", result.Region);
        Assert.Equal("iam", result.Service);
        Assert.Equal(TestRequest.SigningTime, result.SignedAt);
    }

    [Fact]
    public void The_AWS_documentation_IAM_example_canonical_request_is_reproduced_exactly()
    {
        Assert.Equal(IamExampleCanonicalRequest, IamExample.CanonicalRequestAsBuiltByTheServer("content-type;host;x-amz-date"));
        Assert.Equal(
            "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59",
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(IamExampleCanonicalRequest))));
    }

    [Fact]
    public void The_AWS_documentation_IAM_example_signing_key_is_derived_exactly()
    {
        Span<byte> key = stackalloc byte[SigningKey.Size];

        SigningKey.Derive(Encoding.UTF8.GetBytes(TestKeys.AwsExample.Secret), "20150830", "us-east-1", "iam", key);

        Assert.Equal("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9", Convert.ToHexStringLower(key));
    }

    [Theory]
    [InlineData("get-vanilla", "GET", "/", "", "", "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("get-vanilla-query-order-key-case", "GET", "/", "Param2=value2&Param1=value1", "", "", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")]
    [InlineData("get-vanilla-empty-query-key", "GET", "/", "Param1=value1", "", "", "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb")]
    [InlineData("get-vanilla-utf8-query (encoded on the wire)", "GET", "/", "%E1%88%B4=bar", "", "", "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04")]
    [InlineData("get-vanilla-utf8-query (raw)", "GET", "/", "\u1234=bar", "", "", "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04")]
    [InlineData("get-unreserved", "GET", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "", "", "", "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f")]
    [InlineData("normalize-path/get-relative", "GET", "/example/..", "", "", "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("normalize-path/get-slash-dot-slash", "GET", "/./", "", "", "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("post-vanilla", "POST", "/", "", "", "", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")]
    [InlineData("post-x-www-form-urlencoded", "POST", "/", "", "application/x-www-form-urlencoded", "Param1=value1", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a")]
    public async Task An_aws_sig_v4_test_suite_case_verifies(
        string name, string method, string path, string query, string contentType, string body, string signature)
    {
        var signedHeaders = contentType.Length > 0 ? "content-type;host;x-amz-date" : "host;x-amz-date";
        var headers = contentType.Length > 0 ? [("Content-Type", contentType)] : System.Collections.Immutable.ImmutableList<(string, string)>.Empty;
        var request = new TestRequest(
            method,
            path,
            query,
            headers.AddRange(
            [
                ("Host", "example.amazonaws.com"),
                ("X-Amz-Date", "20150830T123600Z"),
                ("Authorization", $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders={signedHeaders}, Signature={signature}"),
            ]),
            Encoding.UTF8.GetBytes(body));
        var verifier = new SigV4Verifier(
            new InMemoryAccessKeys().Add(TestKeys.AwsExample),
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestRequest.SigningTime),
            new SigV4Options { Services = ["service"] });

        var result = await verifier.VerifyAsync(request.ToSigV4Request());

        Assert.True(result.Caller.AccessKeyId == TestKeys.AwsExample.AccessKeyId, name);
    }
}
