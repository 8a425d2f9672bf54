using Trent.Storage.Sqlite.Tests.Contract;

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
