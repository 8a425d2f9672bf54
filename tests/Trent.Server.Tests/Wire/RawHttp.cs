using System.Net.Sockets;
using System.Text;

namespace Trent.Server.Tests.Wire;

/// <summary>
/// A minimal HTTP/1.1 client over a plain socket, so tests control every byte of the request. Each request
/// uses its own connection (<c>Connection: close</c>) and the response is read to the end of the stream.
/// </summary>
public static class RawHttp
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static Task<WireResponse> SendAsync(Uri server, WireRequest request, TimeSpan? timeout = null) =>
        SendBytesAsync(server, request.ToBytes(), timeout);

    /// <summary>Sends raw bytes; <paramref name="halfClose"/> ends the sending side afterwards (a truncated body).</summary>
    public static async Task<WireResponse> SendBytesAsync(Uri server, byte[] bytes, TimeSpan? timeout = null, bool halfClose = false)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(server.Host, server.Port, cts.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(bytes, cts.Token);
            if (halfClose)
            {
                client.Client.Shutdown(SocketShutdown.Send);
            }
            using var received = new MemoryStream();
            await stream.CopyToAsync(received, cts.Token);
            return Parse(received.ToArray());
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"No complete answer within {timeout ?? DefaultTimeout}.");
        }
    }

    public static WireResponse Parse(byte[] raw)
    {
        var end = raw.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            throw new Xunit.Sdk.XunitException($"The connection closed without a complete response ({raw.Length} bytes).");
        }
        var lines = Encoding.Latin1.GetString(raw, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1)
            .Select(l => l.Split(':', 2))
            .Select(p => new KeyValuePair<string, string>(p[0].Trim(), p.Length > 1 ? p[1].Trim() : ""))
            .ToList();
        var body = raw.AsSpan(end + 4).ToArray();
        var length = headers.FirstOrDefault(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
        if (length is not null)
        {
            var declared = int.Parse(length, System.Globalization.CultureInfo.InvariantCulture);
            if (body.Length < declared)
            {
                throw new Xunit.Sdk.XunitException($"The body was cut off: {body.Length} of {declared} bytes.");
            }
            body = body[..declared];
        }
        else if (headers.Any(h => h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)))
        {
            body = Dechunk(body);
        }
        return new WireResponse(status, headers, body);
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        using var output = new MemoryStream();
        var at = 0;
        while (true)
        {
            var lineEnd = chunked.AsSpan(at).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(chunked, at, lineEnd).Split(';')[0], 16);
            at += lineEnd + 2;
            if (size == 0)
            {
                return output.ToArray();
            }
            output.Write(chunked, at, size);
            at += size + 2;
        }
    }
}
