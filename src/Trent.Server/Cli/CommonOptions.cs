using System.CommandLine;
using Trent.Server.Hosting;

namespace Trent.Server.Cli;

/// <summary>Options every command that opens a data directory shares.</summary>
public sealed class CommonOptions
{
    private readonly Option<string> _dataDir = new("--data-dir")
    {
        Description = "The data directory (TRENT_DATA_DIR).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TRENT_DATA_DIR") ?? "trent-data",
    };

    private readonly Option<string> _accountId = new("--account-id")
    {
        Description = "The account created on first start, and the dev-mode account (TRENT_ACCOUNT_ID).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TRENT_ACCOUNT_ID") ?? TrentOptions.DefaultAccountId,
    };

    private readonly Option<string?> _rootKeyFile = new("--root-key-file")
    {
        Description = "The root key file; default <data-dir>/root.key (TRENT_ROOT_KEY_FILE; or the key itself, base64, in TRENT_ROOT_KEY).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TRENT_ROOT_KEY_FILE"),
    };

    public static CommonOptions Create() => new();

    public void AddTo(Command command)
    {
        command.Options.Add(_dataDir);
        command.Options.Add(_accountId);
        command.Options.Add(_rootKeyFile);
        _accountId.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!Core.Keys.KeyIdentifier.IsAccountId(value))
            {
                result.AddError($"--account-id must be 12 digits, not '{value}'.");
            }
        });
    }

    public TrentOptions Read(ParseResult parse) => new()
    {
        DataDir = parse.GetValue(_dataDir)!,
        AccountId = parse.GetValue(_accountId)!,
        RootKeyFile = parse.GetValue(_rootKeyFile),
    };
}
