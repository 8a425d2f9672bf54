using Trent.Core.Storage;

namespace Trent.Storage.Sqlite.Tests.Contract;

/// <summary>The ports of one fresh, empty backend, and what to dispose to tear it down.</summary>
public sealed record StoresUnderTest(IKeyStore Keys, IIdentityStore Identity, IMetaStore Meta, IAsyncDisposable Owner);

/// <summary>
/// Base of the backend-neutral storage contract suites. A backend's test class inherits a suite and supplies a fresh,
/// empty backend per test; the suites use only the Core ports, so every backend is held to the same behaviour.
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    private StoresUnderTest? stores;

    protected IKeyStore Keys => Stores.Keys;

    protected IIdentityStore Identity => Stores.Identity;

    protected IMetaStore Meta => Stores.Meta;

    private StoresUnderTest Stores => stores ?? throw new InvalidOperationException("The backend is not created yet.");

    /// <summary>Creates a fresh, empty backend; called before each test.</summary>
    protected abstract ValueTask<StoresUnderTest> CreateStoresAsync();

    async Task IAsyncLifetime.InitializeAsync() => stores = await CreateStoresAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (stores is not null)
        {
            await stores.Owner.DisposeAsync();
        }
    }
}
