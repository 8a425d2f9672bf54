using Trent.Core.Crypto;

namespace Trent.Core.Identity;

/// <summary>Makes access key ids and secrets in AWS's formats.</summary>
public static class AccessKeyGenerator
{
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>A long-term access key id: <c>AKIA</c> and 16 base32 characters.</summary>
    public static string NewAccessKeyId(IRandomSource random, string prefix = "AKIA") => prefix + Pick(random, Base32, 16);

    /// <summary>A 40-character secret access key.</summary>
    public static string NewSecret(IRandomSource random) => Pick(random, SecretAlphabet, 40);

    private static string Pick(IRandomSource random, string alphabet, int length)
    {
        // Both alphabets have a power-of-two size, so masking is unbiased.
        Span<byte> bytes = stackalloc byte[length];
        random.Fill(bytes);
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[bytes[i] & (alphabet.Length - 1)];
        }
        return new string(chars);
    }
}
