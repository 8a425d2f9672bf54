using System.Text;

namespace Trent.Server.Tests.Wire;

/// <summary>An HTTP/1.1 request exactly as it goes on the socket: nothing is added but what the flags say.</summary>
/// <param name="Target">The request target: path and query, as sent.</param>
/// <param name="ContentLength">Adds <c>Content-Length</c> for the body unless the headers already carry one.</param>
public sealed record WireRequest(
    string Method,
    string Target,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    bool ContentLength = true)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    public WireRequest WithHeader(string name, string value) =>
        this with { Headers = [.. Headers.Where(h => !h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)), new(name, value)] };

    public WireRequest WithoutHeader(string name) =>
        this with { Headers = [.. Headers.Where(h => !h.Key.Equals(name, StringComparison.OrdinalIgnoreCase))] };

    public byte[] ToBytes()
    {
        var head = new StringBuilder().Append(Method).Append(' ').Append(Target).Append(" HTTP/1.1\r\n");
        foreach (var (name, value) in Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        if (ContentLength && Header("Content-Length") is null)
        {
            head.Append("Content-Length: ").Append(Body.Length).Append("\r\n");
        }
        head.Append("Connection: close\r\n\r\n");
        // Latin-1 keeps header bytes as written, so tests can send raw non-ASCII octets in header values.
        return [.. Encoding.Latin1.GetBytes(head.ToString()), .. Body];
    }
}
