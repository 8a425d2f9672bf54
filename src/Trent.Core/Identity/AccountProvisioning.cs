using System.Text;
using Trent.Core.Crypto;
using Trent.Core.Storage;

namespace Trent.Core.Identity;

/// <summary>A new account's root access key; the secret exists in plaintext only here, to be shown once.</summary>
public sealed record ProvisionedAccount(Account Account, string AccessKeyId, string SecretAccessKey);

/// <summary>Creates accounts with a root principal and its first access key, the secret sealed under the root key.</summary>
public sealed class AccountProvisioning(IIdentityStore store, RootKey rootKey, IRandomSource random)
{
    public async ValueTask<ProvisionedAccount> CreateAccountAsync(string accountId, DateTimeOffset now, CancellationToken ct = default)
    {
        if (!Keys.KeyIdentifier.IsAccountId(accountId))
        {
            throw new ArgumentException($"An account id is 12 digits, not '{accountId}'.", nameof(accountId));
        }
        if (await store.GetAccountAsync(accountId, ct) is not null)
        {
            throw new InvalidOperationException($"Account {accountId} already exists.");
        }
        var account = new Account(accountId, now);
        var accessKeyId = AccessKeyGenerator.NewAccessKeyId(random);
        var secret = AccessKeyGenerator.NewSecret(random);
        var root = CallerIdentity.Root(accountId, accessKeyId);
        var record = new AccessKeyRecord(accessKeyId, accountId, root.PrincipalArn, PrincipalType.Root, accountId, [], AccessKeyStatus.Active, now);
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        try
        {
            record = record with { SealedSecret = rootKey.Seal(secretBytes, record.SealOwner, accessKeyId, random) };
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(secretBytes);
        }
        await store.CreateAccountAsync(account, record, ct);
        return new ProvisionedAccount(account, accessKeyId, secret);
    }
}
