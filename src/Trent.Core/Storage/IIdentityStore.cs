using Trent.Core.Identity;

namespace Trent.Core.Storage;

/// <summary>Accounts and access keys.</summary>
public interface IIdentityStore
{
    ValueTask<AccessKeyRecord?> GetAccessKeyAsync(string accessKeyId, CancellationToken ct = default);

    ValueTask<Account?> GetAccountAsync(string accountId, CancellationToken ct = default);

    ValueTask<IReadOnlyList<Account>> ListAccountsAsync(CancellationToken ct = default);

    /// <summary>Creates an account with its root principal's first access key, in one transaction.</summary>
    ValueTask CreateAccountAsync(Account account, AccessKeyRecord rootAccessKey, CancellationToken ct = default);
}
