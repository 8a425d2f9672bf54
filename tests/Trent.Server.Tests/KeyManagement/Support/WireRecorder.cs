using System.Collections.Concurrent;
using System.Text.Json;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using Trent.Server.Tests.Harness;

namespace Trent.Server.Tests.KeyManagement.Support;

/// <summary>One HTTP exchange as the SDK saw it: the response status, headers and raw body.</summary>
public sealed record WireExchange(string Target, int Status, long? ContentLength, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// An SDK HTTP client factory that records every response body, so tests can check the wire shape (which members
/// are present, empty bodies) that the SDK's typed responses cannot show.
/// </summary>
public sealed class WireRecorder : HttpClientFactory
{
    private readonly ConcurrentQueue<WireExchange> _exchanges = new();

    public WireExchange Last => _exchanges.Last();

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(new RecordingHandler(this) { InnerHandler = new SocketsHttpHandler() });

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;

    private sealed class RecordingHandler(WireRecorder recorder) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.Single() : "";
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            recorder._exchanges.Enqueue(new WireExchange(target, (int)response.StatusCode, response.Content.Headers.ContentLength, body));
            return response;
        }
    }
}

public static class WireRecorderExtensions
{
    /// <summary>A root KMS client whose responses <paramref name="recorder"/> captures.</summary>
    public static AmazonKeyManagementServiceClient KmsRecording(this TrentServer server, WireRecorder recorder, string region = TrentServer.Region) =>
        new(new BasicAWSCredentials(server.Root.AccessKeyId, server.Root.SecretAccessKey), new AmazonKeyManagementServiceConfig
        {
            ServiceURL = server.BaseAddress.ToString(),
            AuthenticationRegion = region,
            MaxErrorRetry = 0,
            HttpClientFactory = recorder,
        });
}
