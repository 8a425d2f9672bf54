using System.Text;

namespace Trent.Core.Paging;

/// <summary>One page of a listing; <see cref="NextMarker"/> is set only when more items follow.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextMarker)
{
    public bool Truncated => NextMarker is not null;
}

/// <summary>
/// Opaque pagination markers: a listing's name and a position, base64url-encoded. A marker of another listing or a
/// forged one is refused with InvalidMarkerException, as AWS refuses foreign markers.
/// </summary>
public static class Marker
{
    public static string Encode(string listing, string position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"trent1|{listing}|{position}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The position a marker carries, or null when no marker was given.</summary>
    public static string? Decode(string listing, string? marker)
    {
        if (marker is null)
        {
            return null;
        }
        try
        {
            var b64 = marker.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(b64));
            var prefix = $"trent1|{listing}|";
            if (text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length)
            {
                return text[prefix.Length..];
            }
        }
        catch (FormatException)
        {
        }
        throw new KmsException(KmsErrorCode.InvalidMarkerException, "The marker that specifies where pagination should next begin is not valid.");
    }

    /// <summary>Decodes a marker that carries an item index (for listings without a natural key).</summary>
    public static int DecodeIndex(string listing, string? marker)
    {
        var position = Decode(listing, marker);
        if (position is null)
        {
            return 0;
        }
        if (int.TryParse(position, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index > 0)
        {
            return index;
        }
        throw new KmsException(KmsErrorCode.InvalidMarkerException, "The marker that specifies where pagination should next begin is not valid.");
    }

    /// <summary>
    /// Pages an in-memory list by index. A marker past the end is one this listing issued before items were removed:
    /// it ends the listing rather than failing the walk.
    /// </summary>
    public static Page<T> PageByIndex<T>(string listing, IReadOnlyList<T> all, string? marker, int limit)
    {
        var start = Math.Min(DecodeIndex(listing, marker), all.Count);
        var items = all.Skip(start).Take(limit).ToList();
        var next = start + items.Count < all.Count
            ? Encode(listing, (start + items.Count).ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;
        return new Page<T>(items, next);
    }
}
