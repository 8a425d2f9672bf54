namespace Trent.Server.Hosting;

/// <summary>Where Trent keeps its keys and identities.</summary>
public enum StorageKind
{
    /// <summary>An embedded SQLite file in the data directory: one node.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by any number of stateless nodes.</summary>
    Postgres,
}
