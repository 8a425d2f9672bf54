namespace Trent.Core.Keys;

/// <summary>Maps a region to its ARN partition, as AWS does.</summary>
public static class Partitions
{
    public static bool IsChina(string region) => region.StartsWith("cn-", StringComparison.Ordinal);

    public static string ForRegion(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
        : "aws";
}
