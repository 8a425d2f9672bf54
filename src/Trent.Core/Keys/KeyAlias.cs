namespace Trent.Core.Keys;

/// <summary>An alias: a name in an account and region that points at one key.</summary>
public sealed record KeyAlias(
    string AccountId,
    string Region,
    string AliasName,
    string TargetKeyId,
    DateTimeOffset CreationDate,
    DateTimeOffset LastUpdatedDate)
{
    public string Arn => AliasArn(AccountId, Region, AliasName);

    public static string AliasArn(string accountId, string region, string aliasName) =>
        $"arn:{Partitions.ForRegion(region)}:kms:{region}:{accountId}:{aliasName}";
}
