using System.Buffers.Binary;
using System.Text;

namespace Trent.Core.Crypto;

/// <summary>Canonical bytes of an encryption context: pairs sorted by key (ordinal), each part length-prefixed.</summary>
public static class EncryptionContext
{
    /// <summary>The serialized size limit; AWS does not document one, the XKS spec bounds AAD at 8192 bytes.</summary>
    public const int MaxCanonicalBytes = 8192;

    public static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    public static byte[] Canonicalize(IReadOnlyDictionary<string, string>? context)
    {
        if (context is null || context.Count == 0)
        {
            return [];
        }
        var keys = context.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        var size = 4;
        foreach (var k in keys)
        {
            size += 8 + Encoding.UTF8.GetByteCount(k) + Encoding.UTF8.GetByteCount(context[k]);
        }
        var buffer = new byte[size];
        var span = buffer.AsSpan();
        BinaryPrimitives.WriteInt32BigEndian(span, keys.Length);
        var at = 4;
        foreach (var k in keys)
        {
            at += WritePart(span[at..], k);
            at += WritePart(span[at..], context[k]);
        }
        return buffer;
    }

    private static int WritePart(Span<byte> span, string value)
    {
        var n = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, n);
        return 4 + n;
    }
}
