using System.Text;
using System.Text.Json;

namespace Trent.Server.Tests.Wire;

/// <summary>A response read off the socket, with helpers for the AWS JSON 1.1 error shape.</summary>
public sealed class WireResponse(int status, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
{
    public int Status { get; } = status;
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; } = headers;
    public byte[] Body { get; } = body;
    public string Text => Encoding.UTF8.GetString(Body);

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The body as a JSON object; fails the test when it is not one.</summary>
    public JsonElement Json
    {
        get
        {
            try
            {
                using var document = JsonDocument.Parse(Body);
                Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
                return document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new Xunit.Sdk.XunitException($"Status {Status}: body is not JSON ({e.Message}): {Text}");
            }
        }
    }

    public string? Type => Json.TryGetProperty("__type", out var t) ? t.GetString() : null;

    /// <summary>The error message under either casing AWS uses.</summary>
    public string? Message =>
        Json.TryGetProperty("message", out var m) || Json.TryGetProperty("Message", out m) ? m.GetString() : null;

    public override string ToString() => $"{Status} {Text}";

    /// <summary>Asserts an AWS-shaped error of the given type and returns its message.</summary>
    public string? AssertError(string type, int status = 400)
    {
        Assert.True(Status == status && Type == type, $"Expected {status} {type}, got {this}");
        return Message;
    }
}
