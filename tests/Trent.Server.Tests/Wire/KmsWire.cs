using System.Text;
using System.Text.Json;

namespace Trent.Server.Tests.Wire;

/// <summary>Builds and sends signed AWS JSON 1.1 requests to a running Trent over a raw socket.</summary>
public sealed class KmsWire(Uri server)
{
    public const string ContentType = "application/x-amz-json-1.1";

    public Uri Server { get; } = server;

    /// <summary>An unsigned KMS request: POST / with Host, Content-Type and X-Amz-Target.</summary>
    public WireRequest Unsigned(string operation, byte[] body) => new(
        "POST",
        "/",
        [
            new("Host", Server.Authority),
            new("Content-Type", ContentType),
            new("X-Amz-Target", "TrentService." + operation),
        ],
        body);

    public WireRequest Request(string operation, string json, WireCredentials? key = null, DateTimeOffset? at = null) =>
        Request(operation, Encoding.UTF8.GetBytes(json), key, at);

    public WireRequest Request(string operation, byte[] body, WireCredentials? key = null, DateTimeOffset? at = null) =>
        WireSigner.Sign(Unsigned(operation, body), key ?? WireCredentials.DevUnknown, at ?? DateTimeOffset.UtcNow);

    public Task<WireResponse> SendAsync(WireRequest request, TimeSpan? timeout = null) => RawHttp.SendAsync(Server, request, timeout);

    public Task<WireResponse> SendAsync(string operation, string json, WireCredentials? key = null) =>
        SendAsync(Request(operation, json, key));

    /// <summary>Sends a request and asserts it succeeded; returns the JSON body (an empty object for an empty body).</summary>
    public async Task<JsonElement> CallAsync(string operation, string json, WireCredentials? key = null)
    {
        var response = await SendAsync(operation, json, key);
        Assert.True(response.Status == 200, $"{operation} failed: {response}");
        return response.Body.Length == 0 ? JsonDocument.Parse("{}").RootElement : response.Json;
    }
}
