namespace Trent.Core.Keys;

/// <summary>
/// The key policy AWS gives an API-created key when CreateKey has no Policy: one statement that delegates the key to
/// the owning account, byte for byte as GetKeyPolicy returns it (Jackson pretty-printing, " : " separators, and the
/// Sid real keys still carry).
/// </summary>
public static class DefaultKeyPolicy
{
    public static string For(string partition, string accountId) =>
        "{\n" +
        "  \"Version\" : \"2012-10-17\",\n" +
        "  \"Id\" : \"key-default-1\",\n" +
        "  \"Statement\" : [ {\n" +
        "    \"Sid\" : \"Enable IAM User Permissions\",\n" +
        "    \"Effect\" : \"Allow\",\n" +
        "    \"Principal\" : {\n" +
        $"      \"AWS\" : \"arn:{partition}:iam::{accountId}:root\"\n" +
        "    },\n" +
        "    \"Action\" : \"kms:*\",\n" +
        "    \"Resource\" : \"*\"\n" +
        "  } ]\n" +
        "}";
}
