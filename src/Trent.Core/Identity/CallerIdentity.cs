namespace Trent.Core.Identity;

/// <summary>Kinds of principal, named as CloudTrail's userIdentity.type names them.</summary>
public enum PrincipalType
{
    Root,
    IAMUser,
    AssumedRole,
}

/// <summary>Who made a request: established by SigV4 from an access key.</summary>
public sealed record CallerIdentity(
    string AccountId,
    string PrincipalArn,
    PrincipalType PrincipalType,
    string UserId,
    string AccessKeyId)
{
    public static string RootArn(string accountId, string partition = "aws") => $"arn:{partition}:iam::{accountId}:root";

    public static CallerIdentity Root(string accountId, string accessKeyId) =>
        new(accountId, RootArn(accountId), PrincipalType.Root, accountId, accessKeyId);
}
