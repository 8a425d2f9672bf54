using Trent.Core.Storage;

namespace Trent.Storage.Contract;

/// <summary>One fresh, empty backend, and what to dispose to tear it down (the store and whatever holds its data).</summary>
public sealed record StoresUnderTest(ITrentStore Store, IAsyncDisposable Owner) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Owner.DisposeAsync();
}

/// <summary>
/// Base of the backend-neutral storage contract suites. A backend's test class inherits a suite and supplies a fresh,
/// empty backend per test; the suites use only the Core ports, so every backend is held to the same behaviour.
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    private StoresUnderTest? stores;

    protected ITrentStore Store => Stores.Store;

    protected IKeyStore Keys => Store.Keys;

    protected IGrantStore Grants => Store.Grants;

    protected IIdentityStore Identity => Store.Identity;

    protected IMetaStore Meta => Store.Meta;

    protected IIamStore Iam => Store.Iam;

    protected IKeyUsageStore KeyUsage => Store.KeyUsage;

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
