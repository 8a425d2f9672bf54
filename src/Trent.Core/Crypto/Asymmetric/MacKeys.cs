using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;
using Trent.Core.Keys;

namespace Trent.Core.Crypto.Asymmetric;

/// <summary>
/// HMAC keys: GenerateMac and VerifyMac (RFC 2104, full-length tags; KMS never truncates) and the key sizes.
/// .NET has no SHA-224, so HMAC_SHA_224 uses BouncyCastle, whose HMac keeps key-derived state Trent cannot zero.
/// </summary>
public static class MacKeys
{
    public static bool IsMacSpec(KeySpec spec) => spec is KeySpec.HMAC_224 or KeySpec.HMAC_256 or KeySpec.HMAC_384 or KeySpec.HMAC_512;

    /// <summary>
    /// The length of a KMS-generated HMAC key: the hash's output size (28, 32, 48, 64 bytes), the natural size for
    /// the spec and the smallest AWS accepts on import. AWS does not publish the length it generates [U].
    /// </summary>
    public static int GeneratedKeyLength(KeySpec spec) => spec switch
    {
        KeySpec.HMAC_224 => 28,
        KeySpec.HMAC_256 => 32,
        KeySpec.HMAC_384 => 48,
        KeySpec.HMAC_512 => 64,
        _ => throw new ArgumentOutOfRangeException(nameof(spec)),
    };

    /// <summary>Whether imported key material of this length fits the spec: from the hash size up to its block size [E].</summary>
    public static bool IsImportableKeyLength(KeySpec spec, int length) =>
        length >= GeneratedKeyLength(spec) && length <= (spec is KeySpec.HMAC_224 or KeySpec.HMAC_256 ? 64 : 128);

    /// <summary>GenerateMac: the raw HMAC tag. The algorithm must be the spec's one, else InvalidKeyUsageException.</summary>
    public static byte[] Compute(KeySpec spec, MacAlgorithm algorithm, ReadOnlySpan<byte> key, ReadOnlySpan<byte> message)
    {
        AlgorithmRules.RequireCompatible(spec, algorithm.ToString());
        return algorithm switch
        {
            MacAlgorithm.HMAC_SHA_224 => HmacSha224(key, message),
            MacAlgorithm.HMAC_SHA_256 => HMACSHA256.HashData(key, message),
            MacAlgorithm.HMAC_SHA_384 => HMACSHA384.HashData(key, message),
            _ => HMACSHA512.HashData(key, message),
        };
    }

    /// <summary>VerifyMac: whether the tag is right, compared in constant time.</summary>
    public static bool Verify(KeySpec spec, MacAlgorithm algorithm, ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, ReadOnlySpan<byte> mac)
    {
        var expected = Compute(spec, algorithm, key, message);
        try
        {
            return CryptographicOperations.FixedTimeEquals(expected, mac);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(expected);
        }
    }

    private static byte[] HmacSha224(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message)
    {
        var hmac = new HMac(new Sha224Digest());
        hmac.Init(new KeyParameter(key));
        hmac.BlockUpdate(message);
        var tag = new byte[hmac.GetMacSize()];
        hmac.DoFinal(tag);
        return tag;
    }
}
