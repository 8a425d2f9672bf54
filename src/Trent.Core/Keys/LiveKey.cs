using System.Security.Cryptography;
using Trent.Core.Crypto;
using Trent.Core.Crypto.Asymmetric;

namespace Trent.Core.Keys;

/// <summary>
/// A key with its material unsealed, shared by concurrent requests. The cache holds one reference and every request
/// holds one through a <see cref="KeyLease"/>; the material is zeroed when the last reference goes.
/// </summary>
public sealed class LiveKey
{
    private readonly Dictionary<string, byte[]> _materials;
    private readonly Lock _parse = new();
    private AsymmetricKey? _asymmetric;
    private Dictionary<string, KeyedHmac> _derivers = [];
    private int _references = 1;

    public LiveKey(KmsKey key, IReadOnlyList<KeyMaterialInfo> materialInfos, Dictionary<string, byte[]> materials)
    {
        Key = key;
        MaterialInfos = materialInfos;
        _materials = materials;
    }

    public KmsKey Key { get; }

    /// <summary>Every retained material version, oldest first.</summary>
    public IReadOnlyList<KeyMaterialInfo> MaterialInfos { get; }

    /// <summary>The unsealed material of a version, or null if the key has no such version.</summary>
    public byte[]? Material(string materialId) => _materials.GetValueOrDefault(materialId);

    /// <summary>
    /// The keyed KDF of a symmetric material version, built once and shared: each encryption derives its data key from it.
    /// Null if the key has no such version.
    /// </summary>
    public KeyedHmac? DataKeyDeriver(string materialId)
    {
        if (Volatile.Read(ref _derivers).TryGetValue(materialId, out var deriver))
        {
            return deriver;
        }
        if (Material(materialId) is not { } material)
        {
            return null;
        }
        lock (_parse)
        {
            if (_derivers.TryGetValue(materialId, out deriver))
            {
                return deriver;
            }
            // Copy-on-write: readers never see a dictionary being changed.
            deriver = new KeyedHmac(material);
            Volatile.Write(ref _derivers, new Dictionary<string, KeyedHmac>(_derivers) { [materialId] = deriver });
            return deriver;
        }
    }

    /// <summary>The key's private key, parsed once from its material and shared by the requests that lease it.</summary>
    public AsymmetricKey Asymmetric()
    {
        if (Volatile.Read(ref _asymmetric) is { } parsed)
        {
            return parsed;
        }
        lock (_parse)
        {
            return _asymmetric ??= AsymmetricKey.Import(Key.KeySpec, Material(Key.CurrentMaterialId!));
        }
    }

    internal bool TryAcquire()
    {
        var current = Volatile.Read(ref _references);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref _references, current + 1, current);
            if (seen == current)
            {
                return true;
            }
            current = seen;
        }
        return false;
    }

    internal void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            foreach (var material in _materials.Values)
            {
                CryptographicOperations.ZeroMemory(material);
            }
            _asymmetric?.Dispose();
            foreach (var deriver in _derivers.Values)
            {
                deriver.Dispose();
            }
        }
    }
}

/// <summary>A request's hold on a <see cref="LiveKey"/>; dispose it when the request no longer needs the material.</summary>
public readonly struct KeyLease(LiveKey live) : IDisposable
{
    public LiveKey Live { get; } = live;

    public KmsKey Key => Live.Key;

    public void Dispose() => Live?.Release();
}
