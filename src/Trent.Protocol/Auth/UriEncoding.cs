using System.Buffers;
using System.Text;

namespace Trent.Protocol.Auth;

/// <summary>The canonical URI and canonical query string of SigV4 (rules for every service but S3).</summary>
internal static class UriEncoding
{
    private const int StackLimit = 256;

    /// <summary>
    /// Appends the canonical URI of a raw (still percent-encoded) path: empty, '.' and '..' segments are
    /// resolved as botocore and the AWS SDKs resolve them, then every byte but the unreserved ones is
    /// percent-encoded again, so an encoded path is encoded twice.
    /// </summary>
    public static void AppendCanonicalPath(ref Utf8Builder builder, ReadOnlySpan<char> rawPath)
    {
        if (rawPath.IsEmpty)
        {
            builder.Append((byte)'/');
            return;
        }

        var segmentCount = rawPath.Count('/') + 1;
        Span<Range> kept = segmentCount <= 32 ? stackalloc Range[32] : new Range[segmentCount];
        var keptCount = 0;
        foreach (var range in rawPath.Split('/'))
        {
            var segment = rawPath[range];
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment is "..")
            {
                keptCount = Math.Max(0, keptCount - 1);
                continue;
            }

            kept[keptCount++] = range;
        }

        if (rawPath[0] == '/')
        {
            builder.Append((byte)'/');
        }

        for (var i = 0; i < keptCount; i++)
        {
            if (i > 0)
            {
                builder.Append((byte)'/');
            }

            AppendEncoded(ref builder, rawPath[kept[i]]);
        }

        if (keptCount > 0 && rawPath[^1] == '/')
        {
            builder.Append((byte)'/');
        }
    }

    /// <summary>
    /// Appends the canonical query string: each name and value percent-decoded, then encoded again with only
    /// the unreserved characters left as they are, sorted by name then value, joined as <c>a=1&amp;b=</c>.
    /// </summary>
    /// <remarks>
    /// '+' decodes to a space, as ASP.NET Core decodes it when it reads the query: were it kept as '+', a
    /// signed request could be altered from <c>a=x%2By</c> to <c>a=x+y</c> without breaking the signature.
    /// Empty parameters (<c>a=1&amp;&amp;b=2</c>) are skipped.
    /// </remarks>
    public static void AppendCanonicalQuery(ref Utf8Builder builder, string rawQuery)
    {
        if (rawQuery.Length == 0)
        {
            return;
        }

        var parameters = new List<(string Name, string Value)>();
        foreach (var range in rawQuery.AsSpan().Split('&'))
        {
            var parameter = rawQuery.AsSpan(range);
            if (parameter.IsEmpty)
            {
                continue;
            }

            var equals = parameter.IndexOf('=');
            parameters.Add(equals < 0
                ? (Reencode(parameter), "")
                : (Reencode(parameter[..equals]), Reencode(parameter[(equals + 1)..])));
        }

        parameters.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });

        for (var i = 0; i < parameters.Count; i++)
        {
            if (i > 0)
            {
                builder.Append((byte)'&');
            }

            builder.Append(parameters[i].Name);
            builder.Append((byte)'=');
            builder.Append(parameters[i].Value);
        }
    }

    /// <summary>True when the query carries a parameter of that exact (unencoded) name.</summary>
    public static bool HasQueryParameter(string rawQuery, string name)
    {
        foreach (var range in rawQuery.AsSpan().Split('&'))
        {
            var parameter = rawQuery.AsSpan(range);
            var equals = parameter.IndexOf('=');
            if ((equals < 0 ? parameter : parameter[..equals]).SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    private static void AppendEncoded(ref Utf8Builder builder, ReadOnlySpan<char> text)
    {
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(utf8);
            for (var i = 0; i < length; i++)
            {
                if (IsUnreserved(utf8[i]))
                {
                    builder.Append(utf8[i]);
                }
                else
                {
                    builder.AppendPercentEncoded(utf8[i]);
                }
            }
        }
    }

    private static string Reencode(ReadOnlySpan<char> component)
    {
        // A char decodes to at most 3 bytes (a surrogate pair, 2 chars, to 4).
        byte[]? rented = null;
        Span<byte> decoded = component.Length * 3 <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(component.Length * 3));
        try
        {
            var bytes = decoded[..PercentDecode(component, decoded)];
            var length = 0;
            foreach (var b in bytes)
            {
                length += IsUnreserved(b) ? 1 : 3;
            }

            return string.Create(length, bytes, static (chars, bytes) =>
            {
                var position = 0;
                foreach (var b in bytes)
                {
                    if (IsUnreserved(b))
                    {
                        chars[position++] = (char)b;
                    }
                    else
                    {
                        chars[position++] = '%';
                        chars[position++] = (char)"0123456789ABCDEF"u8[b >> 4];
                        chars[position++] = (char)"0123456789ABCDEF"u8[b & 0xF];
                    }
                }
            });
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // '%' not followed by two hex digits is kept as a literal '%', as ASP.NET Core keeps it.
    private static int PercentDecode(ReadOnlySpan<char> component, Span<byte> destination)
    {
        var written = 0;
        var i = 0;
        while (i < component.Length)
        {
            var c = component[i];
            if (c == '%' && i + 2 < component.Length && char.IsAsciiHexDigit(component[i + 1]) && char.IsAsciiHexDigit(component[i + 2]))
            {
                destination[written++] = (byte)((HexValue(component[i + 1]) << 4) | HexValue(component[i + 2]));
                i += 3;
            }
            else if (c == '+')
            {
                destination[written++] = (byte)' ';
                i++;
            }
            else
            {
                Rune.DecodeFromUtf16(component[i..], out var rune, out var consumed);
                written += rune.EncodeToUtf8(destination[written..]);
                i += consumed;
            }
        }

        return written;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static bool IsUnreserved(byte b) =>
        b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';
}
