namespace Trent.Core.Identity.Iam;

/// <summary>The rule on tags that the service model cannot express.</summary>
internal static class IamTags
{
    /// <summary>Tag keys are unique regardless of case.</summary>
    public static void Check(IReadOnlyList<IamTag> tags)
    {
        if (tags.Select(t => t.Key).Distinct(StringComparer.OrdinalIgnoreCase).Count() != tags.Count)
        {
            throw IamErrors.DuplicateTagKeys();
        }
    }
}
