namespace Trent.Core.Keys;

/// <summary>Where a key lives and its identity: account, region and key id; the ARN is derived.</summary>
public sealed record KeyArn(string AccountId, string Region, string KeyId)
{
    public string Partition => Partitions.ForRegion(Region);

    public override string ToString() => $"arn:{Partition}:kms:{Region}:{AccountId}:key/{KeyId}";
}
