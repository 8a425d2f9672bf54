using System.CommandLine;
using System.Globalization;
using Trent.Core;
using Trent.Core.Crypto;
using Trent.Core.Identity;
using Trent.Server.Hosting;

namespace Trent.Server.Cli;

/// <summary>
/// <c>trent account create</c>: adds an account to a data directory (for cross-account use) and writes its root
/// credentials to <c>&lt;data-dir&gt;/credentials-&lt;account&gt;</c> (0600, profile <c>trent-&lt;account&gt;</c>), printing them once.
/// </summary>
public static class AccountCommand
{
    public static Command Create()
    {
        var accountId = new Option<string?>("--account-id")
        {
            Description = "The new account's id (12 digits); a random unused one when omitted.",
        };
        accountId.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !Core.Keys.KeyIdentifier.IsAccountId(value))
            {
                result.AddError($"--account-id must be 12 digits, not '{value}'.");
            }
        });
        var common = CommonOptions.Create();
        var create = new Command("create", "Add an account and write its root credentials.") { accountId };
        common.AddTo(create, withAccountId: false);
        create.SetAction(async (parse, ct) =>
        {
            var options = common.Read(parse);
            try
            {
                var created = await CreateAccountAsync(options, parse.GetValue(accountId), ct);
                var path = CredentialsPath(options, created.AccountId);
                Console.WriteLine($"Created account {created.AccountId}.");
                Console.WriteLine($"Root credentials (shown once; also in {path}, profile '{ProfileName(created.AccountId)}'):");
                Console.WriteLine($"  aws_access_key_id     = {created.AccessKeyId}");
                Console.WriteLine($"  aws_secret_access_key = {created.SecretAccessKey}");
                return 0;
            }
            catch (StartupException e)
            {
                await Console.Error.WriteLineAsync($"trent: {e.Message}");
                return 2;
            }
        });
        return new Command("account", "Manage the accounts of a data directory.") { create };
    }

    public static string ProfileName(string accountId) => $"trent-{accountId}";

    public static string CredentialsPath(TrentOptions options, string accountId) => Path.Combine(options.DataDir, $"credentials-{accountId}");

    private static async Task<RootCredentials> CreateAccountAsync(TrentOptions options, string? accountId, CancellationToken ct)
    {
        var random = SystemRandomSource.Instance;
        await using var data = await DataDirectory.OpenExistingAsync(options, random, ct);
        accountId ??= await UnusedAccountIdAsync(data, random, ct);
        if (await data.Store.Identity.GetAccountAsync(accountId, ct) is not null)
        {
            throw new StartupException($"Account {accountId} already exists.");
        }
        var path = CredentialsPath(options, accountId);
        if (File.Exists(path))
        {
            throw new StartupException($"{path} already exists; move it away first.");
        }
        var provisioned = await new AccountProvisioning(data.Store.Identity, data.RootKey, random)
            .CreateAccountAsync(accountId, TimeProvider.System.UtcNowMillis(), ct);
        var credentials = new RootCredentials(accountId, provisioned.AccessKeyId, provisioned.SecretAccessKey);
        SecureFile.WriteNew(path, credentials.ToCredentialsFile(ProfileName(accountId)));
        return credentials;
    }

    private static async Task<string> UnusedAccountIdAsync(DataDirectory data, IRandomSource random, CancellationToken ct)
    {
        var bytes = new byte[8];
        while (true)
        {
            random.Fill(bytes);
            // Twelve digits without a leading zero, as AWS account ids look.
            var id = (100_000_000_000 + (long)(BitConverter.ToUInt64(bytes) % 900_000_000_000UL)).ToString(CultureInfo.InvariantCulture);
            if (await data.Store.Identity.GetAccountAsync(id, ct) is null)
            {
                return id;
            }
        }
    }
}
