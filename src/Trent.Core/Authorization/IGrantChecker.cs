using Trent.Core.Identity;
using Trent.Core.Keys;

namespace Trent.Core.Authorization;

/// <summary>A grant that allowed an operation, for explanations and audit.</summary>
public sealed record GrantMatch(string GrantId, string? Name);

/// <summary>Finds a grant on a key that lets the caller perform an operation with the request's encryption context.</summary>
public interface IGrantChecker
{
    /// <param name="operation">The grant operation name (<c>Encrypt</c>, <c>ReEncryptFrom</c>, ...).</param>
    ValueTask<GrantMatch?> FindAsync(
        KmsKey key, CallerIdentity caller, string operation, IReadOnlyDictionary<string, string>? encryptionContext,
        IReadOnlyList<string>? grantTokens, CancellationToken ct = default);
}

/// <summary>Whether a principal named in a policy exists (KMS refuses key policies naming unknown principals).</summary>
public interface IPrincipalDirectory
{
    ValueTask<bool> ExistsAsync(string principalArn, CancellationToken ct = default);
}
