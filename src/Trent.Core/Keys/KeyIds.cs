using System.Globalization;
using Trent.Core.Crypto;

namespace Trent.Core.Keys;

/// <summary>Key id formats: UUID v4 for single-Region keys, mrk- plus 32 hex digits for multi-Region keys.</summary>
public static class KeyIds
{
    public static string NewKeyId(IRandomSource random, bool multiRegion)
    {
        Span<byte> b = stackalloc byte[16];
        random.Fill(b);
        if (multiRegion)
        {
            return "mrk-" + Convert.ToHexStringLower(b);
        }
        b[6] = (byte)((b[6] & 0x0F) | 0x40);
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(b);
        return string.Create(CultureInfo.InvariantCulture, $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}");
    }

    /// <summary>True for the shapes AWS accepts as key ids (any-case hex, as the service does not care).</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> id)
    {
        if (id.Length != 36)
        {
            return false;
        }
        if (id.StartsWith("mrk-"))
        {
            foreach (var c in id[4..])
            {
                if (!char.IsAsciiHexDigit(c))
                {
                    return false;
                }
            }
            return true;
        }
        for (var i = 0; i < 36; i++)
        {
            var dash = i is 8 or 13 or 18 or 23;
            if (dash ? id[i] != '-' : !char.IsAsciiHexDigit(id[i]))
            {
                return false;
            }
        }
        return true;
    }
}
