using Trent.Core.Identity;

namespace Trent.Protocol.Auth;

/// <summary>An access key's owner and secret, as the SigV4 verifier needs them.</summary>
/// <param name="SecretAccessKey">The secret, UTF-8; owned by the source (cached), never logged.</param>
public sealed record AccessKeySecret(CallerIdentity Identity, byte[] SecretAccessKey, bool Active);

/// <summary>Looks up access keys by id for request authentication.</summary>
public interface IAccessKeySource
{
    ValueTask<AccessKeySecret?> FindAsync(string accessKeyId, CancellationToken ct = default);
}
