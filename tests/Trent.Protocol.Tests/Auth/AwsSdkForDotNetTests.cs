using System.Net;
using System.Text;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using Trent.Protocol.Auth;

namespace Trent.Protocol.Tests.Auth;

/// <summary>
/// Requests signed by the AWS SDK for .NET, a second independent signer, captured before they leave the
/// client. The SDK signs with the real clock, so the verifier's fake clock is set to now.
/// </summary>
public sealed class AwsSdkForDotNetTests
{
    [Fact]
    public async Task An_SDK_ListKeys_request_verifies_as_its_signer()
    {
        var (request, result) = await CaptureAndVerifyAsync(kms => kms.ListKeysAsync(new ListKeysRequest { Limit = 10 }));

        Assert.Equal(TestKeys.Alice.Identity, result.Caller);
        Assert.Equal("eu-west-1", result.Region);
        Assert.Equal("kms", result.Service);
        Assert.Equal("TrentService.ListKeys", request.Header("X-Amz-Target"));
    }

    [Fact]
    public async Task An_SDK_Encrypt_request_with_a_Unicode_encryption_context_verifies() =>
        await CaptureAndVerifyAsync(kms => kms.EncryptAsync(new EncryptRequest
        {
            KeyId = "alias/app",
            Plaintext = new MemoryStream(Encoding.UTF8.GetBytes("attack at dawn")),
            EncryptionContext = new Dictionary<string, string> { ["purpose"] = "caf\u00e9 \u2603", ["tenant"] = "a  b" },
        }));

    [Fact]
    public async Task An_SDK_request_with_a_changed_body_is_refused()
    {
        var request = await CaptureAsync(kms => kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = "alias/app" }));
        var verifier = Verifier(new FakeTimeProvider(DateTimeOffset.UtcNow));

        var error = await Assert.ThrowsAsync<Core.KmsException>(() =>
            verifier.VerifyAsync((request with { Body = Encoding.UTF8.GetBytes("""{"KeyId":"alias/other"}""") }).ToSigV4Request()).AsTask());

        Assert.Equal(Core.KmsErrorCode.InvalidSignatureException, error.Code);
    }

    private static async Task<(TestRequest Request, SigV4Result Result)> CaptureAndVerifyAsync(
        Func<AmazonKeyManagementServiceClient, Task> call)
    {
        var request = await CaptureAsync(call);
        var result = await Verifier(new FakeTimeProvider(DateTimeOffset.UtcNow)).VerifyAsync(request.ToSigV4Request());
        return (request, result);
    }

    private static SigV4Verifier Verifier(TimeProvider clock) =>
        new(new InMemoryAccessKeys().Add(TestKeys.Alice), clock, new SigV4Options());

    private static async Task<TestRequest> CaptureAsync(Func<AmazonKeyManagementServiceClient, Task> call)
    {
        var handler = new CapturingHandler();
        var config = new AmazonKeyManagementServiceConfig
        {
            ServiceURL = "https://trent.test:8443",
            AuthenticationRegion = "eu-west-1",
            HttpClientFactory = new CapturingFactory(handler),
            MaxErrorRetry = 0,
        };
        using var kms = new AmazonKeyManagementServiceClient(
            new BasicAWSCredentials(TestKeys.Alice.AccessKeyId, TestKeys.Alice.Secret), config);

        await call(kms);

        return handler.Captured ?? throw new InvalidOperationException("The SDK sent no request.");
    }

    private sealed class CapturingFactory(CapturingHandler handler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public TestRequest? Captured { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var headers = request.Headers.NonValidated
                .Concat(request.Content?.Headers.NonValidated ?? [])
                .SelectMany(h => h.Value.Select(v => (h.Key, v)))
                .ToList();
            if (!headers.Any(h => h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)))
            {
                // HttpClient writes Host from the URI when the request does not set it.
                headers.Insert(0, ("Host", uri.IsDefaultPort ? uri.Host : uri.Authority));
            }

            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            Captured = new TestRequest(request.Method.Method, uri.AbsolutePath, uri.Query.TrimStart('?'), [.. headers], body);
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.1"),
                Headers = { { "x-amzn-RequestId", "00000000-0000-4000-8000-000000000000" } },
            };
        }
    }
}
