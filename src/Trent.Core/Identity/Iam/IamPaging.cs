using Trent.Core.Paging;

namespace Trent.Core.Identity.Iam;

/// <summary>IAM's Marker/MaxItems pagination over the stores' name-ordered listings.</summary>
internal static class IamPaging
{
    /// <summary>Reads one more item than asked for, so that a page knows whether another follows.</summary>
    public static async ValueTask<Page<T>> ByNameAsync<T>(
        string listing, string? marker, int? maxItems, Func<string?, int, ValueTask<IReadOnlyList<T>>> list, Func<T, string> nameOf)
    {
        var limit = maxItems ?? IamLimits.DefaultMaxItems;
        var after = Marker.Decode(listing, marker);
        var items = await list(after, limit + 1);
        if (items.Count <= limit)
        {
            return new Page<T>(items, null);
        }
        var page = items.Take(limit).ToArray();
        return new Page<T>(page, Marker.Encode(listing, nameOf(page[^1])));
    }

    /// <summary>Pages a short in-memory listing (a principal's policies or keys) by position.</summary>
    public static Page<T> ByIndex<T>(string listing, IReadOnlyList<T> all, string? marker, int? maxItems) =>
        Marker.PageByIndex(listing, all, marker, maxItems ?? IamLimits.DefaultMaxItems);
}
