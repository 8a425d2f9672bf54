using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Trent.Bench.Http;

/// <summary>
/// One persistent HTTP/1.1 connection over a raw socket, one request at a time. A load generator written this way
/// spends a few microseconds per request: on a 2-core machine that shares its CPU with the server, a heavier client
/// (HttpClient) would lower every target's numbers and hide the differences between them.
/// </summary>
public sealed class HttpConnection : IDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();

    private readonly Socket _socket;
    private byte[] _buffer = new byte[16 * 1024];
    private byte[] _chunked = new byte[4 * 1024];
    private int _start;
    private int _end;

    private HttpConnection(Socket socket) => _socket = socket;

    /// <summary>Set when the server closed (or announced it would close) the connection; open a new one.</summary>
    public bool Closed { get; private set; }

    public static async Task<HttpConnection> OpenAsync(IPEndPoint endpoint, CancellationToken ct = default)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, ct);
            return new HttpConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async ValueTask<HttpResponse> SendAsync(ReadOnlyMemory<byte> request, CancellationToken ct = default)
    {
        while (!request.IsEmpty)
        {
            var sent = await _socket.SendAsync(request, SocketFlags.None, ct);
            request = request[sent..];
        }
        if (_start == _end)
        {
            _start = _end = 0;
        }
        int headLength;
        while ((headLength = _buffer.AsSpan(_start, _end - _start).IndexOf(HeaderEnd)) < 0)
        {
            await FillAsync(ct);
        }
        var (status, contentLength, chunked, close) = ParseHead(_buffer.AsSpan(_start, headLength));
        _start += headLength + HeaderEnd.Length;
        Closed = close;
        if (contentLength >= 0)
        {
            await EnsureAsync(contentLength, ct);
            var body = _buffer.AsMemory(_start, contentLength);
            _start += contentLength;
            return new HttpResponse(status, body);
        }
        if (chunked)
        {
            return new HttpResponse(status, await ReadChunkedAsync(ct));
        }
        return new HttpResponse(status, await ReadToEndAsync(ct));
    }

    private static (int Status, int ContentLength, bool Chunked, bool Close) ParseHead(ReadOnlySpan<byte> head)
    {
        // "HTTP/1.1 200 OK"
        if (head.Length < 12 || !head.StartsWith("HTTP/1."u8))
        {
            throw new InvalidDataException("The server's response does not start with an HTTP/1.x status line.");
        }
        var status = (head[9] - '0') * 100 + (head[10] - '0') * 10 + (head[11] - '0');
        var close = head[7] == '0';
        var contentLength = -1;
        var chunked = false;
        foreach (var range in head.Split(LineEnd))
        {
            var line = head[range];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                contentLength = ParseInt(value);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                chunked = Ascii.EqualsIgnoreCase(value, "chunked"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                close = Ascii.EqualsIgnoreCase(value, "close"u8) || (close && !Ascii.EqualsIgnoreCase(value, "keep-alive"u8));
            }
        }
        return (status, contentLength, chunked, close);
    }

    private async ValueTask<ReadOnlyMemory<byte>> ReadChunkedAsync(CancellationToken ct)
    {
        var length = 0;
        while (true)
        {
            var size = ParseHex(await ReadLineAsync(ct));
            if (size == 0)
            {
                // Trailers, if any, end with an empty line.
                while (!(await ReadLineAsync(ct)).IsEmpty)
                {
                }
                return _chunked.AsMemory(0, length);
            }
            await EnsureAsync(size + LineEnd.Length, ct);
            if (length + size > _chunked.Length)
            {
                Array.Resize(ref _chunked, Math.Max(_chunked.Length * 2, length + size));
            }
            _buffer.AsSpan(_start, size).CopyTo(_chunked.AsSpan(length));
            length += size;
            _start += size + LineEnd.Length;
        }
    }

    private async ValueTask<ReadOnlyMemory<byte>> ReadLineAsync(CancellationToken ct)
    {
        int at;
        while ((at = _buffer.AsSpan(_start, _end - _start).IndexOf(LineEnd)) < 0)
        {
            await FillAsync(ct);
        }
        var line = _buffer.AsMemory(_start, at);
        _start += at + LineEnd.Length;
        return line;
    }

    private async ValueTask<ReadOnlyMemory<byte>> ReadToEndAsync(CancellationToken ct)
    {
        Closed = true;
        try
        {
            while (true)
            {
                await FillAsync(ct);
            }
        }
        catch (EndOfStreamException)
        {
            var body = _buffer.AsMemory(_start, _end - _start);
            _start = _end;
            return body;
        }
    }

    private async ValueTask EnsureAsync(int count, CancellationToken ct)
    {
        while (_end - _start < count)
        {
            await FillAsync(ct);
        }
    }

    private async ValueTask FillAsync(CancellationToken ct)
    {
        if (_end == _buffer.Length)
        {
            var unread = _end - _start;
            if (_start == 0)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            else
            {
                _buffer.AsSpan(_start, unread).CopyTo(_buffer);
                _start = 0;
                _end = unread;
            }
        }
        var read = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, ct);
        if (read == 0)
        {
            Closed = true;
            throw new EndOfStreamException("The server closed the connection.");
        }
        _end += read;
    }

    private static int ParseInt(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var d in digits)
        {
            value = checked(value * 10 + (d - '0'));
        }
        return value;
    }

    private static int ParseHex(ReadOnlyMemory<byte> line)
    {
        var span = line.Span;
        var semicolon = span.IndexOf((byte)';');
        return int.Parse(Encoding.ASCII.GetString(semicolon < 0 ? span : span[..semicolon]).Trim(), System.Globalization.NumberStyles.HexNumber,
            System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _socket.Dispose();
}
