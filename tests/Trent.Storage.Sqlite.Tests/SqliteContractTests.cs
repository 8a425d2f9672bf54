using Trent.Storage.Contract;

namespace Trent.Storage.Sqlite.Tests;

/// <summary>The key contract on a SQLite file in a temporary directory.</summary>
public sealed class SqliteKeyStoreTests : KeyStoreContract
{
    protected override ValueTask<StoresUnderTest> CreateStoresAsync() => TempDatabase.CreateStoresAsync();
}

/// <summary>The alias contract on a SQLite file in a temporary directory.</summary>
public sealed class SqliteAliasStoreTests : AliasStoreContract
{
    protected override ValueTask<StoresUnderTest> CreateStoresAsync() => TempDatabase.CreateStoresAsync();
}

/// <summary>The grant contract on a SQLite file in a temporary directory.</summary>
public sealed class SqliteGrantStoreTests : GrantStoreContract
{
    protected override ValueTask<StoresUnderTest> CreateStoresAsync() => TempDatabase.CreateStoresAsync();
}

/// <summary>The identity contract on a SQLite file in a temporary directory.</summary>
public sealed class SqliteIdentityStoreTests : IdentityStoreContract
{
    protected override ValueTask<StoresUnderTest> CreateStoresAsync() => TempDatabase.CreateStoresAsync();
}

/// <summary>The meta contract on a SQLite file in a temporary directory.</summary>
public sealed class SqliteMetaStoreTests : MetaStoreContract
{
    protected override ValueTask<StoresUnderTest> CreateStoresAsync() => TempDatabase.CreateStoresAsync();
}

/// <summary>The IAM contract on a SQLite file in a temporary directory.</summary>
public sealed class SqliteIamStoreTests : IamStoreContract
{
    protected override ValueTask<StoresUnderTest> CreateStoresAsync() => TempDatabase.CreateStoresAsync();
}

/// <summary>The key usage contract on a SQLite file in a temporary directory.</summary>
public sealed class SqliteKeyUsageStoreTests : KeyUsageStoreContract
{
    protected override ValueTask<StoresUnderTest> CreateStoresAsync() => TempDatabase.CreateStoresAsync();
}

/// <summary>The archive (backup and restore) contract on SQLite files in a temporary directory.</summary>
public sealed class SqliteArchiveTests : ArchiveContract
{
    protected override ValueTask<StoresUnderTest> CreateStoresAsync() => TempDatabase.CreateStoresAsync();
}

/// <summary>The concurrent writers contract on SQLite files in a temporary directory.</summary>
public sealed class SqliteConcurrentWritersTests : ConcurrentWritersContract
{
    protected override ValueTask<StoresUnderTest> CreateStoresAsync() => TempDatabase.CreateStoresAsync();
}
