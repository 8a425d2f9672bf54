using Trent.Storage.Contract;
using Trent.Storage.Postgres.Tests.Support;

namespace Trent.Storage.Postgres.Tests;

/// <summary>The key contract on a fresh PostgreSQL schema.</summary>
public sealed class PostgresKeyStoreTests : KeyStoreContract
{
    protected override ValueTask<StoresUnderTest> CreateStoresAsync() => TempSchema.CreateStoresAsync();
}

/// <summary>The alias contract on a fresh PostgreSQL schema.</summary>
public sealed class PostgresAliasStoreTests : AliasStoreContract
{
    protected override ValueTask<StoresUnderTest> CreateStoresAsync() => TempSchema.CreateStoresAsync();
}

/// <summary>The grant contract on a fresh PostgreSQL schema.</summary>
public sealed class PostgresGrantStoreTests : GrantStoreContract
{
    protected override ValueTask<StoresUnderTest> CreateStoresAsync() => TempSchema.CreateStoresAsync();
}

/// <summary>The identity contract on a fresh PostgreSQL schema.</summary>
public sealed class PostgresIdentityStoreTests : IdentityStoreContract
{
    protected override ValueTask<StoresUnderTest> CreateStoresAsync() => TempSchema.CreateStoresAsync();
}

/// <summary>The meta contract on a fresh PostgreSQL schema.</summary>
public sealed class PostgresMetaStoreTests : MetaStoreContract
{
    protected override ValueTask<StoresUnderTest> CreateStoresAsync() => TempSchema.CreateStoresAsync();
}

/// <summary>The IAM contract on a fresh PostgreSQL schema.</summary>
public sealed class PostgresIamStoreTests : IamStoreContract
{
    protected override ValueTask<StoresUnderTest> CreateStoresAsync() => TempSchema.CreateStoresAsync();
}

/// <summary>The key usage contract on a fresh PostgreSQL schema.</summary>
public sealed class PostgresKeyUsageStoreTests : KeyUsageStoreContract
{
    protected override ValueTask<StoresUnderTest> CreateStoresAsync() => TempSchema.CreateStoresAsync();
}

/// <summary>The archive (backup and restore) contract on fresh PostgreSQL schemas.</summary>
public sealed class PostgresArchiveTests : ArchiveContract
{
    protected override ValueTask<StoresUnderTest> CreateStoresAsync() => TempSchema.CreateStoresAsync();
}

/// <summary>The concurrent writers contract on a fresh PostgreSQL schema (each write on a connection of its own, as on several nodes).</summary>
public sealed class PostgresConcurrentWritersTests : ConcurrentWritersContract
{
    protected override ValueTask<StoresUnderTest> CreateStoresAsync() => TempSchema.CreateStoresAsync();
}
