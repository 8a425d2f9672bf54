using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using Trent.Server.Tests.Harness;

namespace Trent.Server.Tests.Wire;

/// <summary>
/// The HTTP traffic of an AWS SDK for .NET client: every request it signs, as it would go on the wire, and the
/// request id of every answer. In capture mode nothing is sent and the SDK gets an empty 200.
/// </summary>
public sealed class SdkTraffic : HttpClientFactory
{
    private readonly bool _send;

    private SdkTraffic(bool send) => _send = send;

    public ConcurrentQueue<WireRequest> Requests { get; } = new();

    /// <summary>The <c>x-amzn-RequestId</c> header of each answer the server sent.</summary>
    public ConcurrentQueue<string?> ResponseRequestIds { get; } = new();

    /// <summary>A client whose requests go to the server and are recorded on the way.</summary>
    public static (AmazonKeyManagementServiceClient Client, SdkTraffic Traffic) Recording(TrentServer server, WireCredentials key) =>
        Create(server.BaseAddress, key, send: true);

    /// <summary>A client whose signed requests are captured and never sent.</summary>
    public static (AmazonKeyManagementServiceClient Client, SdkTraffic Traffic) Capturing(Uri server, WireCredentials key, AWSCredentials? credentials = null) =>
        Create(server, key, send: false, credentials);

    /// <summary>Signs one call with the SDK and returns the request it would have sent.</summary>
    public static async Task<WireRequest> CaptureAsync(Uri server, WireCredentials key, Func<AmazonKeyManagementServiceClient, Task> call)
    {
        var (client, traffic) = Capturing(server, key);
        using (client)
        {
            await call(client);
        }
        return Assert.Single(traffic.Requests);
    }

    private static (AmazonKeyManagementServiceClient, SdkTraffic) Create(Uri server, WireCredentials key, bool send, AWSCredentials? credentials = null)
    {
        var traffic = new SdkTraffic(send);
        var client = new AmazonKeyManagementServiceClient(credentials ?? new BasicAWSCredentials(key.AccessKeyId, key.Secret), new AmazonKeyManagementServiceConfig
        {
            ServiceURL = server.ToString(),
            AuthenticationRegion = TrentServer.Region,
            HttpClientFactory = traffic,
            MaxErrorRetry = 0,
        });
        return (client, traffic);
    }

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(new Handler(this, _send ? new SocketsHttpHandler() : null));

    private sealed class Handler(SdkTraffic traffic, HttpMessageHandler? inner) : DelegatingHandler(inner ?? new SocketsHttpHandler())
    {
        private readonly bool _send = inner is not null;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            traffic.Requests.Enqueue(await ToWireAsync(request, ct));
            if (!_send)
            {
                return new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent("{}", Encoding.UTF8, KmsWire.ContentType),
                    Headers = { { "x-amzn-RequestId", "00000000-0000-4000-8000-000000000000" } },
                };
            }
            var response = await base.SendAsync(request, ct);
            traffic.ResponseRequestIds.Enqueue(response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.Single() : null);
            return response;
        }

        private static async Task<WireRequest> ToWireAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var uri = request.RequestUri!;
            var headers = request.Headers.NonValidated
                .Concat(request.Content?.Headers.NonValidated ?? [])
                .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)))
                .ToList();
            if (!headers.Any(h => h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)))
            {
                // HttpClient writes Host from the URI when the request does not set it.
                headers.Insert(0, new("Host", uri.Authority));
            }
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(ct);
            return new WireRequest(request.Method.Method, uri.PathAndQuery, headers, body);
        }
    }
}
