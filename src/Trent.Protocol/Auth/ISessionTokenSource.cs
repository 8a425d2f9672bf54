namespace Trent.Protocol.Auth;

/// <summary>A session token opened: the temporary key to verify the signature with, and whether the session has ended.</summary>
public sealed record SessionKey(AccessKeySecret Key, bool Expired);

/// <summary>Opens the session tokens (X-Amz-Security-Token) that this Trent issued with temporary credentials.</summary>
public interface ISessionTokenSource
{
    /// <summary>Null when the token is not one Trent issued for <paramref name="accessKeyId"/> (forged, altered, or another key's).</summary>
    SessionKey? Open(string accessKeyId, string sessionToken);
}
