using System.Buffers;
using System.Text;

namespace Trent.Protocol.Auth;

/// <summary>Grows UTF-8 text in a pooled buffer: the canonical request and the string to sign, per request.</summary>
internal ref struct Utf8Builder
{
    private byte[] _buffer;
    private int _length;

    public Utf8Builder(int capacity)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(capacity);
        _length = 0;
    }

    public readonly ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Append(byte value)
    {
        Reserve(1)[0] = value;
        _length++;
    }

    public void Append(scoped ReadOnlySpan<byte> utf8)
    {
        utf8.CopyTo(Reserve(utf8.Length));
        _length += utf8.Length;
    }

    public void Append(scoped ReadOnlySpan<char> text)
    {
        _length += Encoding.UTF8.GetBytes(text, Reserve(Encoding.UTF8.GetMaxByteCount(text.Length)));
    }

    public void AppendLowerHex(scoped ReadOnlySpan<byte> bytes)
    {
        var destination = Reserve(bytes.Length * 2);
        for (var i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = "0123456789abcdef"u8[bytes[i] >> 4];
            destination[2 * i + 1] = "0123456789abcdef"u8[bytes[i] & 0xF];
        }

        _length += bytes.Length * 2;
    }

    /// <summary>Appends the byte as <c>%XY</c>, uppercase hex, as RFC 3986 percent-encoding and SigV4 require.</summary>
    public void AppendPercentEncoded(byte value)
    {
        var destination = Reserve(3);
        destination[0] = (byte)'%';
        destination[1] = "0123456789ABCDEF"u8[value >> 4];
        destination[2] = "0123456789ABCDEF"u8[value & 0xF];
        _length += 3;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
    }

    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
            Written.CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        return _buffer.AsSpan(_length);
    }
}
