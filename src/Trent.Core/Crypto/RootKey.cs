using System.Security.Cryptography;
using System.Text;

namespace Trent.Core.Crypto;

/// <summary>
/// The root of the key hierarchy. Seals key material and secrets with AES-256-GCM under a key derived from it;
/// the owner and version are associated data, so a sealed blob copied to another row does not open.
/// </summary>
public sealed class RootKey : IDisposable
{
    public const int Size = 32;
    private const byte SealFormat = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _sealKey;
    private readonly byte[] _derivationKey;
    private readonly string _checkValue;

    public RootKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != Size)
        {
            throw new ArgumentException($"A root key is {Size} bytes.", nameof(key));
        }
        _sealKey = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key, _sealKey, salt: [], info: "trent/seal/v1"u8);
        _derivationKey = new byte[32];
        HKDF.Extract(HashAlgorithmName.SHA256, key, "trent/derive/v1"u8, _derivationKey);
        Span<byte> check = stackalloc byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key, check, salt: [], info: "trent/root-key-check/v1"u8);
        _checkValue = Convert.ToHexStringLower(check[..16]);
    }

    /// <summary>A value that identifies the root key without revealing it; stored to detect a wrong root key.</summary>
    public string CheckValue => _checkValue;

    public static byte[] Generate(IRandomSource random)
    {
        var key = new byte[Size];
        random.Fill(key);
        return key;
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with a key for one purpose (HKDF-Expand with <paramref name="purpose"/> as
    /// info), independent of the sealing key and of every other purpose's key.
    /// </summary>
    public void DeriveKey(ReadOnlySpan<byte> purpose, Span<byte> destination) =>
        HKDF.Expand(HashAlgorithmName.SHA256, _derivationKey, destination, purpose);

    public byte[] Seal(ReadOnlySpan<byte> plaintext, string owner, string version, IRandomSource random)
    {
        var sealedBlob = new byte[1 + NonceSize + plaintext.Length + TagSize];
        sealedBlob[0] = SealFormat;
        var nonce = sealedBlob.AsSpan(1, NonceSize);
        random.Fill(nonce);
        using var gcm = new AesGcm(_sealKey, TagSize);
        gcm.Encrypt(nonce, plaintext, sealedBlob.AsSpan(1 + NonceSize, plaintext.Length),
            sealedBlob.AsSpan(1 + NonceSize + plaintext.Length), Aad(owner, version));
        return sealedBlob;
    }

    /// <summary>Opens a sealed blob; throws <see cref="CryptographicException"/> if it was altered or moved.</summary>
    public byte[] Unseal(ReadOnlySpan<byte> sealedBlob, string owner, string version)
    {
        if (sealedBlob.Length < 1 + NonceSize + TagSize || sealedBlob[0] != SealFormat)
        {
            throw new CryptographicException("Not a sealed blob of a known format.");
        }
        var length = sealedBlob.Length - 1 - NonceSize - TagSize;
        var plaintext = new byte[length];
        using var gcm = new AesGcm(_sealKey, TagSize);
        gcm.Decrypt(sealedBlob.Slice(1, NonceSize), sealedBlob.Slice(1 + NonceSize, length),
            sealedBlob[^TagSize..], plaintext, Aad(owner, version));
        return plaintext;
    }

    private static byte[] Aad(string owner, string version) =>
        Encoding.UTF8.GetBytes($"trent/seal/v1\n{owner}\n{version}");

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_sealKey);
        CryptographicOperations.ZeroMemory(_derivationKey);
    }
}
