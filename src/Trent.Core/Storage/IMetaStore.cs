namespace Trent.Core.Storage;

/// <summary>Small named values about the store itself (the root key check value, ...).</summary>
public interface IMetaStore
{
    ValueTask<string?> GetAsync(string name, CancellationToken ct = default);

    /// <summary>Sets the value only if none is set yet; returns the value now stored.</summary>
    ValueTask<string> GetOrSetAsync(string name, string value, CancellationToken ct = default);
}
