using System.Globalization;
using Trent.Core.Paging;
using Trent.Core.Storage;

namespace Trent.Core.Authorization.Grants;

/// <summary>Pagination of grant listings: the marker carries the last grant's position, so a page resumes after it.</summary>
internal static class GrantMarkers
{
    public static GrantPosition? Decode(string listing, string? marker)
    {
        if (Marker.Decode(listing, marker) is not { } position)
        {
            return null;
        }
        var parts = position.Split(':');
        if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var millis)
            && millis <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() && GrantIds.IsWellFormed(parts[1]))
        {
            return new GrantPosition(DateTimeOffset.FromUnixTimeMilliseconds(millis), parts[1]);
        }
        throw new KmsException(KmsErrorCode.InvalidMarkerException, "The marker that specifies where pagination should next begin is not valid.");
    }

    /// <summary>The first <paramref name="limit"/> of <paramref name="fetched"/> (read with one extra to learn whether more follow).</summary>
    public static Page<Grant> Page(string listing, IReadOnlyList<Grant> fetched, int limit)
    {
        if (fetched.Count <= limit)
        {
            return new Page<Grant>(fetched, null);
        }
        var items = fetched.Take(limit).ToList();
        var last = items[^1];
        return new Page<Grant>(items, Marker.Encode(listing, string.Create(CultureInfo.InvariantCulture, $"{last.CreationDate.ToUnixTimeMilliseconds()}:{last.GrantId}")));
    }
}
