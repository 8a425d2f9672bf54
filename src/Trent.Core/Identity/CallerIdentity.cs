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
    /// <summary>For an assumed-role session, the role's ARN: policies naming the role match all of its sessions.</summary>
    public string? RoleArn { get; init; }

    /// <summary>The IAM user name, for users (the aws:username condition key and policy variable).</summary>
    public string? UserName { get; init; }

    /// <summary>For an assumed-role session, when it was issued.</summary>
    public DateTimeOffset? SessionCreated { get; init; }

    public static string RootArn(string accountId, string partition = "aws") => $"arn:{partition}:iam::{accountId}:root";

    public static CallerIdentity Root(string accountId, string accessKeyId) =>
        new(accountId, RootArn(accountId), PrincipalType.Root, accountId, accessKeyId);

    /// <summary>
    /// A session of a role: <c>arn:aws:sts::&lt;account&gt;:assumed-role/&lt;role&gt;/&lt;session&gt;</c>, user id
    /// <c>&lt;role id&gt;:&lt;session&gt;</c>, and the role's ARN so that policies naming the role match.
    /// </summary>
    public static CallerIdentity AssumedRole(string accountId, string roleArn, string roleId, string sessionName, string accessKeyId) =>
        new(accountId, Iam.IamArns.AssumedRole(roleArn.Split(':')[1], accountId, Iam.IamArns.NameOf(roleArn), sessionName),
            PrincipalType.AssumedRole, $"{roleId}:{sessionName}", accessKeyId)
        { RoleArn = roleArn };
}
