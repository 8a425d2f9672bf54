using Trent.Core.Identity;
using Trent.Core.Storage;

namespace Trent.Server.Hosting;

/// <summary>An <see cref="IIdentityStore"/> that counts every call before passing it on (SigV4 key lookups included).</summary>
internal sealed class CountingIdentityStore(IIdentityStore inner, TrentMetrics metrics) : IIdentityStore
{
    private readonly StorageCallCounter _count = new(metrics, "identity", StorageCallCounter.Request);

    public ValueTask<AccessKeyRecord?> GetAccessKeyAsync(string accessKeyId, CancellationToken ct = default)
    {
        _count.Add("GetAccessKey");
        return inner.GetAccessKeyAsync(accessKeyId, ct);
    }

    public ValueTask<Account?> GetAccountAsync(string accountId, CancellationToken ct = default)
    {
        _count.Add("GetAccount");
        return inner.GetAccountAsync(accountId, ct);
    }

    public ValueTask<IReadOnlyList<Account>> ListAccountsAsync(CancellationToken ct = default)
    {
        _count.Add("ListAccounts");
        return inner.ListAccountsAsync(ct);
    }

    public ValueTask CreateAccountAsync(Account account, AccessKeyRecord rootAccessKey, CancellationToken ct = default)
    {
        _count.Add("CreateAccount");
        return inner.CreateAccountAsync(account, rootAccessKey, ct);
    }
}
