namespace Trent.Core.Identity;

/// <summary>Whether an access key may sign requests.</summary>
public enum AccessKeyStatus
{
    Active,
    Inactive,
}

/// <summary>An access key as stored: the secret only in sealed form.</summary>
public sealed record AccessKeyRecord(
    string AccessKeyId,
    string AccountId,
    string PrincipalArn,
    PrincipalType PrincipalType,
    string UserId,
    byte[] SealedSecret,
    AccessKeyStatus Status,
    DateTimeOffset CreateDate)
{
    /// <summary>The owner bound into the sealed secret's associated data.</summary>
    public string SealOwner => $"{PrincipalArn}#{AccessKeyId}";
}

/// <summary>An AWS account hosted by this Trent.</summary>
public sealed record Account(string AccountId, DateTimeOffset CreatedAt);
