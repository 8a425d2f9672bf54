namespace Trent.Bench.Micro;

/// <summary>The load benchmark's Encrypt payload: a 64-byte plaintext and a one-pair encryption context.</summary>
internal static class Payloads
{
    private static readonly string Plaintext = Convert.ToBase64String(Enumerable.Range(0, 64).Select(i => (byte)i).ToArray());

    public static string EncryptRequest(string keyId) =>
        $"{{\"KeyId\":\"{keyId}\",\"Plaintext\":\"{Plaintext}\",\"EncryptionContext\":{{\"purpose\":\"bench\"}}}}";
}
