using System.Text;
using Trent.Core.Authorization.Policies;

namespace Trent.Core.Authorization;

/// <summary>
/// What KMS checks before it stores a key policy: the 32 KB quota, the policy grammar, and that every principal it
/// names exists (account ids and service principals are always accepted).
/// </summary>
public sealed class KeyPolicyValidator(PolicyCache policies, IPrincipalDirectory principals)
{
    public const int MaxBytes = 32 * 1024;

    public async ValueTask ValidateAsync(string policy, CancellationToken ct = default)
    {
        if (Encoding.UTF8.GetByteCount(policy) > MaxBytes)
        {
            throw new KmsException(KmsErrorCode.LimitExceededException, $"The key policy exceeds the maximum size of {MaxBytes} bytes.");
        }
        PolicyDocument document;
        try
        {
            document = policies.Get(policy, PolicyKind.KeyPolicy);
        }
        catch (MalformedPolicyException e)
        {
            throw e.ToKms();
        }
        var named = document.Statements
            .SelectMany(s => new[] { s.Principal, s.NotPrincipal })
            .OfType<PrincipalSpec>()
            .SelectMany(p => p.Aws)
            .Where(p => !PrincipalArns.IsAccountPrincipal(p))
            .Distinct(StringComparer.Ordinal);
        foreach (var principal in named)
        {
            if (!await principals.ExistsAsync(principal, ct))
            {
                throw new KmsException(KmsErrorCode.MalformedPolicyDocumentException, "Policy contains a statement with one or more invalid principals.");
            }
        }
    }
}
