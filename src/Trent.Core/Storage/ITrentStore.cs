namespace Trent.Core.Storage;

/// <summary>One opened backend: every storage port over one database, and what keeps several nodes of it coherent.</summary>
public interface ITrentStore : IAsyncDisposable
{
    /// <summary>What this store is, for operators' messages ("SQLite database /var/lib/trent/trent.db").</summary>
    string Description { get; }

    IKeyStore Keys { get; }

    IGrantStore Grants { get; }

    IIdentityStore Identity { get; }

    IIamStore Iam { get; }

    IMetaStore Meta { get; }

    IKeyUsageStore KeyUsage { get; }

    ILeaseStore Leases { get; }

    IChangeFeed Changes { get; }

    IStoreArchive Archive { get; }
}
