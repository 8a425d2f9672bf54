namespace Trent.Server.Hosting;

/// <summary>Everything `trent serve` can be told, from the command line or the environment.</summary>
public sealed record TrentOptions
{
    public const string DefaultUrls = "http://127.0.0.1:4599";
    public const string DefaultAccountId = "111122223333";

    public string Urls { get; init; } = DefaultUrls;
    public string DataDir { get; init; } = "trent-data";

    /// <summary>The account created on first start, and the account unknown keys act as in dev mode.</summary>
    public string AccountId { get; init; } = DefaultAccountId;

    /// <summary>Null means <c>&lt;data-dir&gt;/root.key</c>.</summary>
    public string? RootKeyFile { get; init; }

    public bool Dev { get; init; }

    /// <summary>How often the background service looks for keys due for deletion or rotation.</summary>
    public TimeSpan MaintenanceInterval { get; init; } = TimeSpan.FromMinutes(1);

    public string RootKeyPath => RootKeyFile ?? Path.Combine(DataDir, "root.key");

    public string DatabasePath => Path.Combine(DataDir, "trent.db");

    public string RootCredentialsPath => Path.Combine(DataDir, "root-credentials");
}
