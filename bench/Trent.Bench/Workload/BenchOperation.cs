using System.Text;

namespace Trent.Bench.Workload;

/// <summary>An operation the benchmark drives: its request body and the field every successful response must carry.</summary>
public sealed record BenchOperation(string Name, KeyKind Keys, string ExpectedField)
{
    // Payloads as a typical client sends them: a 64-byte secret, a one-pair encryption context.
    private static readonly string Plaintext = Convert.ToBase64String(Enumerable.Range(0, 64).Select(i => (byte)i).ToArray());
    private const string Context = "\"EncryptionContext\":{\"purpose\":\"bench\"}";

    public static readonly BenchOperation Encrypt = new("Encrypt", KeyKind.Symmetric, "CiphertextBlob");
    public static readonly BenchOperation Decrypt = new("Decrypt", KeyKind.Symmetric, "Plaintext");
    public static readonly BenchOperation GenerateDataKey = new("GenerateDataKey", KeyKind.Symmetric, "Plaintext");
    public static readonly BenchOperation DescribeKey = new("DescribeKey", KeyKind.Symmetric, "KeyMetadata");
    public static readonly BenchOperation Sign = new("Sign", KeyKind.EccP256, "Signature");
    public static readonly BenchOperation GenerateMac = new("GenerateMac", KeyKind.Hmac256, "Mac");
    public static readonly BenchOperation CreateKey = new("CreateKey", KeyKind.None, "KeyMetadata");

    public static readonly IReadOnlyList<BenchOperation> All = [Encrypt, Decrypt, GenerateDataKey, DescribeKey, Sign, GenerateMac, CreateKey];

    /// <summary>The operations whose throughput, latency and CPU targets the issue sets.</summary>
    public static readonly IReadOnlyList<BenchOperation> Symmetric = [Encrypt, Decrypt, GenerateDataKey, DescribeKey];

    public static BenchOperation Parse(string name) =>
        All.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown operation '{name}'; known: {string.Join(", ", All.Select(o => o.Name))}.");

    public byte[] ExpectedFieldBytes { get; } = Encoding.ASCII.GetBytes($"\"{ExpectedField}\"");

    /// <summary>The request body for one key (<paramref name="ciphertext"/> only for Decrypt).</summary>
    public string Body(string keyId, string? ciphertext) => Name switch
    {
        "Encrypt" => $"{{\"KeyId\":\"{keyId}\",\"Plaintext\":\"{Plaintext}\",{Context}}}",
        "Decrypt" => $"{{\"CiphertextBlob\":\"{ciphertext}\",\"KeyId\":\"{keyId}\",{Context}}}",
        "GenerateDataKey" => $"{{\"KeyId\":\"{keyId}\",\"KeySpec\":\"AES_256\",{Context}}}",
        "DescribeKey" => $"{{\"KeyId\":\"{keyId}\"}}",
        "Sign" => $"{{\"KeyId\":\"{keyId}\",\"Message\":\"{Plaintext}\",\"MessageType\":\"RAW\",\"SigningAlgorithm\":\"ECDSA_SHA_256\"}}",
        "GenerateMac" => $"{{\"KeyId\":\"{keyId}\",\"Message\":\"{Plaintext}\",\"MacAlgorithm\":\"HMAC_SHA_256\"}}",
        "CreateKey" => "{}",
        _ => throw new InvalidOperationException(Name),
    };

    /// <summary>The CreateKey body that makes a key of <paramref name="kind"/>.</summary>
    public static string CreateKeyBody(KeyKind kind) => kind switch
    {
        KeyKind.EccP256 => "{\"KeySpec\":\"ECC_NIST_P256\",\"KeyUsage\":\"SIGN_VERIFY\"}",
        KeyKind.Hmac256 => "{\"KeySpec\":\"HMAC_256\",\"KeyUsage\":\"GENERATE_VERIFY_MAC\"}",
        _ => "{}",
    };

    public override string ToString() => Name;
}
