using Trent.Core.Crypto;

namespace Trent.Core.Identity.Iam;

/// <summary>The unique ids IAM and STS give their principals: a type prefix and 16 base32 characters.</summary>
public static class IamIds
{
    public static string NewUserId(IRandomSource random) => AccessKeyGenerator.NewAccessKeyId(random, "AIDA");

    public static string NewRoleId(IRandomSource random) => AccessKeyGenerator.NewAccessKeyId(random, "AROA");

    /// <summary>Temporary (session) access key ids start with ASIA, so they are never mistaken for long-term ones.</summary>
    public static string NewSessionAccessKeyId(IRandomSource random) => AccessKeyGenerator.NewAccessKeyId(random, "ASIA");
}
