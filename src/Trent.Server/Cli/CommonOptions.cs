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

    private readonly Option<StorageKind> _storage = new("--storage")
    {
        Description = "Where keys live: sqlite (the data directory's file) or postgres, shared by several nodes (TRENT_STORAGE).",
        DefaultValueFactory = StorageFromEnvironment,
    };

    private readonly Option<string?> _postgres = new("--postgres")
    {
        Description = "The PostgreSQL connection string for --storage postgres, e.g. \"Host=db;Database=trent;Username=trent;Password=...\" (TRENT_POSTGRES).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TRENT_POSTGRES"),
    };

    private bool _withAccountId = true;

    public static CommonOptions Create() => new();

    /// <param name="withAccountId">
    /// False for commands with an --account-id of their own meaning (<c>trent account create</c>).
    /// </param>
    public void AddTo(Command command, bool withAccountId = true)
    {
        _withAccountId = withAccountId;
        command.Options.Add(_dataDir);
        if (withAccountId)
        {
            command.Options.Add(_accountId);
        }
        command.Options.Add(_rootKeyFile);
        command.Options.Add(_storage);
        command.Options.Add(_postgres);
        command.Validators.Add(result =>
        {
            if (result.GetValue(_storage) == StorageKind.Postgres && string.IsNullOrWhiteSpace(result.GetValue(_postgres)))
            {
                result.AddError("--storage postgres needs --postgres \"<connection string>\" (or TRENT_POSTGRES).");
            }
        });
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
        AccountId = _withAccountId ? parse.GetValue(_accountId)! : TrentOptions.DefaultAccountId,
        RootKeyFile = parse.GetValue(_rootKeyFile),
        Storage = parse.GetValue(_storage),
        PostgresConnectionString = parse.GetValue(_postgres),
    };

    private static StorageKind StorageFromEnvironment(System.CommandLine.Parsing.ArgumentResult result)
    {
        var value = Environment.GetEnvironmentVariable("TRENT_STORAGE");
        if (string.IsNullOrEmpty(value))
        {
            return StorageKind.Sqlite;
        }
        if (Enum.TryParse<StorageKind>(value, ignoreCase: true, out var kind) && Enum.IsDefined(kind))
        {
            return kind;
        }
        result.AddError($"TRENT_STORAGE must be sqlite or postgres, not '{value}'.");
        return StorageKind.Sqlite;
    }
}
