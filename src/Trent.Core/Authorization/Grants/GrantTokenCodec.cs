using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Trent.Core.Crypto;
using Trent.Core.Keys;

namespace Trent.Core.Authorization.Grants;

/// <summary>The grant a token names: the key and the grant's id.</summary>
public readonly record struct GrantReference(KeyArn Key, string GrantId);

/// <summary>
/// Grant tokens: the key ARN and grant id sealed with AES-256-GCM under a key derived from the root key, so they are
/// opaque, cannot be forged, and any node sharing the root key opens them without storing anything. A token says
/// which grant it names; whether that grant still exists is the store's answer.
/// </summary>
/// <remarks>
/// Format 1, URL-safe base64 without padding: <c>0x01 ‖ iv (12) ‖ AES-GCM(grantId (32) ‖ "account\nregion\nkeyId") ‖ tag (16)</c>.
/// A fresh IV per token makes every CreateGrant answer a new token, as AWS's are.
/// </remarks>
public sealed class GrantTokenCodec : IDisposable
{
    private const byte Format = 1;
    private const int IvSize = 12;
    private const int TagSize = 16;
    private const int GrantIdSize = GrantIds.Length / 2;

    // The model's limit on a grant token; anything longer is not one of ours.
    private const int MaxTokenLength = 8192;

    private static readonly byte[] Aad = "trent/grant-token/v1"u8.ToArray();

    private readonly byte[] _key = new byte[32];

    public GrantTokenCodec(RootKey rootKey) => rootKey.DeriveKey("trent/grant-token/v1"u8, _key);

    public string Issue(GrantReference grant, IRandomSource random)
    {
        var location = Encoding.UTF8.GetBytes($"{grant.Key.AccountId}\n{grant.Key.Region}\n{grant.Key.KeyId}");
        var plaintext = new byte[GrantIdSize + location.Length];
        Convert.FromHexString(grant.GrantId, plaintext.AsSpan(0, GrantIdSize), out _, out _);
        location.CopyTo(plaintext, GrantIdSize);
        var blob = new byte[1 + IvSize + plaintext.Length + TagSize];
        blob[0] = Format;
        random.Fill(blob.AsSpan(1, IvSize));
        using var gcm = new AesGcm(_key, TagSize);
        gcm.Encrypt(blob.AsSpan(1, IvSize), plaintext, blob.AsSpan(1 + IvSize, plaintext.Length), blob.AsSpan(^TagSize), Aad);
        return Base64Url.EncodeToString(blob);
    }

    /// <summary>The grant a token names; null for anything that is not an unaltered token sealed under this root key.</summary>
    public GrantReference? Open(string token)
    {
        if (token.Length is 0 or > MaxTokenLength)
        {
            return null;
        }
        // TryDecodeFromChars throws on characters outside the alphabet; IsValid answers without throwing.
        if (!Base64Url.IsValid(token, out var length) || length < 1 + IvSize + GrantIdSize + TagSize)
        {
            return null;
        }
        var blob = new byte[length];
        if (!Base64Url.TryDecodeFromChars(token, blob, out length) || blob[0] != Format)
        {
            return null;
        }
        var plaintext = new byte[length - 1 - IvSize - TagSize];
        try
        {
            using var gcm = new AesGcm(_key, TagSize);
            gcm.Decrypt(blob.AsSpan(1, IvSize), blob.AsSpan(1 + IvSize, plaintext.Length), blob.AsSpan(length - TagSize, TagSize), plaintext, Aad);
        }
        catch (CryptographicException)
        {
            return null;
        }
        // Only Issue writes the plaintext, so a token that authenticates has this layout.
        var location = Encoding.UTF8.GetString(plaintext.AsSpan(GrantIdSize)).Split('\n');
        return new GrantReference(new KeyArn(location[0], location[1], location[2]), Convert.ToHexStringLower(plaintext.AsSpan(0, GrantIdSize)));
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(_key);
}
