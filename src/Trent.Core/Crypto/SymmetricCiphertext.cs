using System.Security.Cryptography;
using System.Text;

namespace Trent.Core.Crypto;

/// <summary>
/// Trent's symmetric ciphertext blob, version 1:
/// <c>format(1) ‖ account(12 ASCII digits) ‖ keyIdLength(1) ‖ keyId(UTF-8) ‖ materialId(32) ‖ nonce(32) ‖ iv(12) ‖ ciphertext ‖ tag(16)</c>.
/// Each encryption derives its own AES-256 key from the material and the nonce, as AWS KMS does: NIST SP 800-108
/// counter-mode KDF with HMAC-SHA256, one block, <c>K = HMAC(material, [1]₃₂ ‖ "trent/symmetric/v1" ‖ 0x00 ‖ nonce ‖ [256]₃₂)</c>.
/// So the 2^32 random-IV bound of AES-GCM applies per derived key, not per KMS key. The header and the canonical
/// encryption context are the associated data. The region is not bound: multi-Region replicas share key id and material.
/// </summary>
public static class SymmetricCiphertext
{
    public const byte FormatV1 = 1;
    public const int MaterialIdSize = 32;
    public const int NonceSize = 32;
    public const int IvSize = 12;
    public const int TagSize = 16;
    private const int AccountIdSize = 12;
    // SP 800-108 fixed input around the nonce: counter i = 1, the label and its 0x00 separator; then L = 256 bits.
    private static readonly byte[] KdfPrefix = [0, 0, 0, 1, .. "trent/symmetric/v1"u8, 0];
    private static readonly byte[] KdfSuffix = [0, 0, 1, 0];

    /// <summary>The parsed header of a blob; offsets point into the blob it came from.</summary>
    public readonly record struct Header(string AccountId, string KeyId, string MaterialId, int HeaderLength);

    public static int Overhead(int keyIdLength) => 1 + AccountIdSize + 1 + keyIdLength + MaterialIdSize + NonceSize + IvSize + TagSize;

    public static byte[] Encrypt(
        KeyedHmac material,
        string accountId,
        string keyId,
        string materialId,
        ReadOnlySpan<byte> plaintext,
        ReadOnlySpan<byte> canonicalContext,
        IRandomSource random)
    {
        var keyIdBytes = Encoding.UTF8.GetBytes(keyId);
        if (accountId.Length != AccountIdSize || keyIdBytes.Length > byte.MaxValue)
        {
            throw new ArgumentException("Account id or key id out of range for the ciphertext format.");
        }
        var blob = new byte[Overhead(keyIdBytes.Length) + plaintext.Length];
        var span = blob.AsSpan();
        span[0] = FormatV1;
        Encoding.ASCII.GetBytes(accountId, span.Slice(1, AccountIdSize));
        span[1 + AccountIdSize] = (byte)keyIdBytes.Length;
        var at = 2 + AccountIdSize;
        keyIdBytes.CopyTo(span[at..]);
        at += keyIdBytes.Length;
        Convert.FromHexString(materialId, span.Slice(at, MaterialIdSize), out _, out _);
        at += MaterialIdSize;
        // Nonce and IV are adjacent: one draw from the random source fills both.
        random.Fill(span.Slice(at, NonceSize + IvSize));
        var nonce = span.Slice(at, NonceSize);
        var iv = span.Slice(at + NonceSize, IvSize);
        at += NonceSize + IvSize;
        var headerLength = at;

        Span<byte> dataKey = stackalloc byte[32];
        try
        {
            DeriveDataKey(material, nonce, dataKey);
            using var gcm = new AesGcm(dataKey, TagSize);
            gcm.Encrypt(iv, plaintext, span.Slice(headerLength, plaintext.Length), span[^TagSize..],
                Aad(span[..headerLength], canonicalContext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
        return blob;
    }

    /// <summary>Reads the header, or returns null when the blob is not a well-formed Trent ciphertext.</summary>
    public static Header? TryReadHeader(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < 2 + AccountIdSize || blob[0] != FormatV1)
        {
            return null;
        }
        var account = blob.Slice(1, AccountIdSize);
        foreach (var b in account)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return null;
            }
        }
        int keyIdLength = blob[1 + AccountIdSize];
        if (keyIdLength == 0 || blob.Length < Overhead(keyIdLength))
        {
            return null;
        }
        var at = 2 + AccountIdSize;
        string keyId;
        try
        {
            keyId = new UTF8Encoding(false, true).GetString(blob.Slice(at, keyIdLength));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        at += keyIdLength;
        var materialId = Convert.ToHexStringLower(blob.Slice(at, MaterialIdSize));
        at += MaterialIdSize + NonceSize + IvSize;
        return new Header(Encoding.ASCII.GetString(account), keyId, materialId, at);
    }

    /// <summary>Decrypts, or returns null when the tag does not verify (tampered blob, wrong context or material).</summary>
    public static byte[]? TryDecrypt(ReadOnlySpan<byte> blob, Header header, KeyedHmac material, ReadOnlySpan<byte> canonicalContext)
    {
        var nonce = blob.Slice(header.HeaderLength - IvSize - NonceSize, NonceSize);
        var iv = blob.Slice(header.HeaderLength - IvSize, IvSize);
        var ciphertextLength = blob.Length - header.HeaderLength - TagSize;
        var plaintext = new byte[ciphertextLength];
        Span<byte> dataKey = stackalloc byte[32];
        try
        {
            DeriveDataKey(material, nonce, dataKey);
            using var gcm = new AesGcm(dataKey, TagSize);
            gcm.Decrypt(iv, blob.Slice(header.HeaderLength, ciphertextLength), blob[^TagSize..], plaintext,
                Aad(blob[..header.HeaderLength], canonicalContext));
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private static void DeriveDataKey(KeyedHmac material, ReadOnlySpan<byte> nonce, Span<byte> dataKey) =>
        material.Compute(KdfPrefix, nonce, KdfSuffix, [], dataKey);

    private static byte[] Aad(ReadOnlySpan<byte> header, ReadOnlySpan<byte> canonicalContext)
    {
        var aad = new byte[header.Length + canonicalContext.Length];
        header.CopyTo(aad);
        canonicalContext.CopyTo(aad.AsSpan(header.Length));
        return aad;
    }
}
