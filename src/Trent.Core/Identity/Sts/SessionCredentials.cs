namespace Trent.Core.Identity.Sts;

/// <summary>
/// What an assumed-role session token carries: the temporary access key and its secret, and who the session is.
/// Never logged; the secret leaves Trent only in AssumeRole's response.
/// </summary>
/// <param name="Chained">The session was assumed by another session (role chaining), which caps it at one hour.</param>
public sealed record SessionCredentials(
    string AccessKeyId,
    string SecretAccessKey,
    string AccountId,
    string RoleArn,
    string RoleId,
    string SessionName,
    DateTimeOffset Expiration,
    bool Chained)
{
    /// <summary>The session's principal ARN: <c>arn:aws:sts::111122223333:assumed-role/role-name/session-name</c>.</summary>
    public string AssumedRoleArn => ToCaller().PrincipalArn;

    /// <summary>The session's unique id, <c>AROA...:session-name</c>.</summary>
    public string AssumedRoleId => ToCaller().UserId;

    /// <summary>When the session was issued (CloudTrail's sessionContext.attributes.creationDate); null in tokens issued before it was carried.</summary>
    public DateTimeOffset? Created { get; init; }

    public bool IsExpiredAt(DateTimeOffset now) => now >= Expiration;

    /// <summary>The caller a request signed with these credentials authenticates as.</summary>
    public CallerIdentity ToCaller() =>
        CallerIdentity.AssumedRole(AccountId, RoleArn, RoleId, SessionName, AccessKeyId) with { SessionCreated = Created };

    public override string ToString() => $"SessionCredentials {{ AccessKeyId = {AccessKeyId}, Arn = {AssumedRoleArn}, Expiration = {Expiration:O} }}";
}
