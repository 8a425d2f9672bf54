using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Trent.Core.Crypto;

/// <summary>
/// AES Key Wrap (RFC 3394 / SP 800-38F KW) and AES Key Wrap with Padding (RFC 5649 / KWP). KWP is the second half of
/// KMS's RSA_AES_KEY_WRAP_SHA_* import wrapping and comes from .NET; .NET has no plain KW, so it is built here on
/// AES-ECB. Unwrapping returns null when the integrity check fails or the input has an impossible length.
/// </summary>
public static class AesKeyWrap
{
    private const int Semiblock = 8;
    private static ReadOnlySpan<byte> DefaultIv => [0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6];

    /// <summary>KW: keyData is a multiple of 8 bytes and at least 16 (RFC 3394 §2.2.1: n ≥ 2).</summary>
    public static byte[] Wrap(ReadOnlySpan<byte> kek, ReadOnlySpan<byte> keyData)
    {
        if (keyData.Length < 2 * Semiblock || keyData.Length % Semiblock != 0)
        {
            throw new ArgumentException("KW key data must be a multiple of 8 bytes, at least 16.", nameof(keyData));
        }
        using var aes = CreateAes(kek);
        var n = keyData.Length / Semiblock;
        var output = new byte[keyData.Length + Semiblock];
        DefaultIv.CopyTo(output);
        keyData.CopyTo(output.AsSpan(Semiblock));
        Span<byte> block = stackalloc byte[16];
        try
        {
            for (var j = 0; j < 6; j++)
            {
                for (var i = 1; i <= n; i++)
                {
                    // B = AES(K, A | R[i]); A = MSB(64, B) ^ t; R[i] = LSB(64, B), with t = n·j + i.
                    output.AsSpan(0, Semiblock).CopyTo(block);
                    output.AsSpan(i * Semiblock, Semiblock).CopyTo(block[Semiblock..]);
                    aes.EncryptEcb(block, block, PaddingMode.None);
                    XorCounter(block[..Semiblock], (ulong)((n * j) + i));
                    block[..Semiblock].CopyTo(output);
                    block[Semiblock..].CopyTo(output.AsSpan(i * Semiblock));
                }
            }
            return output;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(block);
        }
    }

    /// <summary>KW unwrap: the key data, or null if the ciphertext is malformed or fails the integrity check.</summary>
    public static byte[]? Unwrap(ReadOnlySpan<byte> kek, ReadOnlySpan<byte> wrapped)
    {
        if (wrapped.Length < 3 * Semiblock || wrapped.Length % Semiblock != 0)
        {
            return null;
        }
        using var aes = CreateAes(kek);
        var n = (wrapped.Length / Semiblock) - 1;
        var r = wrapped[Semiblock..].ToArray();
        Span<byte> a = stackalloc byte[Semiblock];
        Span<byte> block = stackalloc byte[16];
        wrapped[..Semiblock].CopyTo(a);
        try
        {
            for (var j = 5; j >= 0; j--)
            {
                for (var i = n; i >= 1; i--)
                {
                    // B = AES-1(K, (A ^ t) | R[i]); A = MSB(64, B); R[i] = LSB(64, B).
                    a.CopyTo(block);
                    XorCounter(block[..Semiblock], (ulong)((n * j) + i));
                    r.AsSpan((i - 1) * Semiblock, Semiblock).CopyTo(block[Semiblock..]);
                    aes.DecryptEcb(block, block, PaddingMode.None);
                    block[..Semiblock].CopyTo(a);
                    block[Semiblock..].CopyTo(r.AsSpan((i - 1) * Semiblock));
                }
            }
            if (CryptographicOperations.FixedTimeEquals(a, DefaultIv))
            {
                return r;
            }
            CryptographicOperations.ZeroMemory(r);
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(block);
        }
    }

    /// <summary>KWP (RFC 5649): any key data of 1 byte or more.</summary>
    public static byte[] WrapPadded(ReadOnlySpan<byte> kek, ReadOnlySpan<byte> keyData)
    {
        if (keyData.IsEmpty)
        {
            throw new ArgumentException("KWP key data must not be empty.", nameof(keyData));
        }
        using var aes = CreateAes(kek);
        return aes.EncryptKeyWrapPadded(keyData);
    }

    /// <summary>KWP unwrap: the key data, or null if the ciphertext is malformed or fails the integrity check.</summary>
    public static byte[]? UnwrapPadded(ReadOnlySpan<byte> kek, ReadOnlySpan<byte> wrapped)
    {
        if (wrapped.Length < 2 * Semiblock || wrapped.Length % Semiblock != 0)
        {
            return null;
        }
        using var aes = CreateAes(kek);
        var output = new byte[wrapped.Length - Semiblock];
        try
        {
            return aes.TryDecryptKeyWrapPadded(wrapped, output, out var written) ? output[..written] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(output);
        }
    }

    private static Aes CreateAes(ReadOnlySpan<byte> kek)
    {
        var aes = Aes.Create();
        aes.SetKey(kek);
        return aes;
    }

    private static void XorCounter(Span<byte> a, ulong t)
    {
        Span<byte> counter = stackalloc byte[Semiblock];
        BinaryPrimitives.WriteUInt64BigEndian(counter, t);
        for (var k = 0; k < Semiblock; k++)
        {
            a[k] ^= counter[k];
        }
    }
}
