using System.Text;
using Trent.Core.Identity.Sts;
using Trent.Protocol.Auth;

namespace Trent.Server.Identity;

/// <summary>
/// Opens session tokens for SigV4. Expiry is judged by the domain clock, the clock that set it, so tests move a session
/// past its expiry without waiting.
/// </summary>
public sealed class SessionTokenSource(SessionTokens tokens, TimeProvider clock) : ISessionTokenSource
{
    public SessionKey? Open(string accessKeyId, string sessionToken)
    {
        if (tokens.Open(accessKeyId, sessionToken) is not { } session)
        {
            return null;
        }
        var key = new AccessKeySecret(session.ToCaller(), Encoding.UTF8.GetBytes(session.SecretAccessKey), Active: true);
        return new SessionKey(key, session.IsExpiredAt(clock.GetUtcNow()));
    }
}
