namespace Trent.Core.Identity.Iam;

/// <summary>A tag on an IAM user or role.</summary>
public sealed record IamTag(string Key, string Value);

/// <summary>An IAM user: a long-term identity of an account, signing with its own access keys.</summary>
/// <param name="UserName">As created; unique in the account regardless of case.</param>
/// <param name="UserId">The stable id (<c>AIDA...</c>): a user deleted and created again under the same name gets a new one.</param>
public sealed record IamUser(
    string AccountId,
    string UserName,
    string UserId,
    string Path,
    string Arn,
    DateTimeOffset CreateDate,
    IReadOnlyList<IamTag> Tags);

/// <summary>An IAM role: an identity assumed through STS, for whom its trust policy allows.</summary>
public sealed record IamRole(
    string AccountId,
    string RoleName,
    string RoleId,
    string Path,
    string Arn,
    string AssumeRolePolicyDocument,
    string? Description,
    int MaxSessionDuration,
    DateTimeOffset CreateDate,
    IReadOnlyList<IamTag> Tags);

/// <summary>Whether an inline policy is embedded in a user or in a role.</summary>
public enum PolicyOwnerKind
{
    User,
    Role,
}

/// <summary>An inline identity policy as stored: its name (unique per owner regardless of case) and its document as given.</summary>
public sealed record InlinePolicy(string PolicyName, string Document);
