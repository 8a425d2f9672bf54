namespace Trent.Core.Keys;

/// <summary>The tag rules of AWS KMS: reserved prefix, no duplicates in a request, at most 50 per key.</summary>
public static class KeyTags
{
    public const int MaxTagsPerKey = 50;

    public static void ValidateNew(IReadOnlyList<KeyTag> tags)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            if (tag.TagKey.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw new KmsException(KmsErrorCode.TagException, "Tags beginning with aws: are reserved");
            }
            if (!seen.Add(tag.TagKey))
            {
                throw new KmsException(KmsErrorCode.TagException, "Duplicate tag keys");
            }
        }
    }

    /// <summary>Upserts: a tag whose key exists replaces the value in place; new keys go last.</summary>
    public static IReadOnlyList<KeyTag> Merge(IReadOnlyList<KeyTag> existing, IReadOnlyList<KeyTag> added)
    {
        ValidateNew(added);
        var result = existing.ToList();
        foreach (var tag in added)
        {
            var at = result.FindIndex(t => t.TagKey == tag.TagKey);
            if (at >= 0)
            {
                result[at] = tag;
            }
            else
            {
                result.Add(tag);
            }
        }
        if (result.Count > MaxTagsPerKey)
        {
            throw new KmsException(KmsErrorCode.TagException, "Too many tags");
        }
        return result;
    }

    public static IReadOnlyList<KeyTag> Remove(IReadOnlyList<KeyTag> existing, IReadOnlyCollection<string> keys)
    {
        foreach (var key in keys)
        {
            if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw new KmsException(KmsErrorCode.TagException, "Tags beginning with aws: are reserved");
            }
        }
        var remove = keys.ToHashSet(StringComparer.Ordinal);
        return existing.Where(t => !remove.Contains(t.TagKey)).ToList();
    }
}
