using Trent.Server.Audit;

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

    /// <summary>Offer SM2 keys and data key pairs in every region, not only in the China Regions as AWS does.</summary>
    public bool Sm2Everywhere { get; init; }

    /// <summary>How often the background service looks for keys due for deletion or rotation.</summary>
    public TimeSpan MaintenanceInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The PEM certificate <c>https://</c> URLs serve; its key is in <see cref="TlsKeyFile"/>, or in the same file.</summary>
    public string? TlsCertificateFile { get; init; }

    public string? TlsKeyFile { get; init; }

    /// <summary>The audit trail: its directory, fail-closed or fail-open, rotation and sync.</summary>
    public AuditOptions Audit { get; init; } = new();

    public string AuditDirectory => Audit.DirectoryFor(DataDir);

    /// <summary>The data directory's SQLite file (the default), or a PostgreSQL database shared by several nodes.</summary>
    public StorageKind Storage { get; init; } = StorageKind.Sqlite;

    /// <summary>The Npgsql connection string, for <see cref="StorageKind.Postgres"/>.</summary>
    public string? PostgresConnectionString { get; init; }

    public string RootKeyPath => RootKeyFile ?? Path.Combine(DataDir, "root.key");

    public string DatabasePath => Path.Combine(DataDir, "trent.db");

    public string RootCredentialsPath => Path.Combine(DataDir, "root-credentials");
}
