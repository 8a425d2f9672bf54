using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Crypto;

/// <summary>
/// Two keys with a ciphertext under each, and every cryptographic operation aimed at <see cref="Key"/>: the tests of
/// key states, DryRun and grant tokens run each operation the same way.
/// </summary>
public sealed class CryptoScenario
{
    public const string Encrypt = "Encrypt";
    public const string Decrypt = "Decrypt";
    public const string ReEncryptFrom = "ReEncrypt from the key";
    public const string ReEncryptTo = "ReEncrypt to the key";
    public const string GenerateDataKey = "GenerateDataKey";
    public const string GenerateDataKeyWithoutPlaintext = "GenerateDataKeyWithoutPlaintext";

    private CryptoScenario(IAmazonKeyManagementService kms, KeyMetadata key, KeyMetadata other, byte[] underKey, byte[] underOther)
    {
        Kms = kms;
        Key = key;
        Other = other;
        UnderKey = underKey;
        UnderOther = underOther;
    }

    public static TheoryData<string> Operations => new()
    {
        Encrypt, Decrypt, ReEncryptFrom, ReEncryptTo, GenerateDataKey, GenerateDataKeyWithoutPlaintext,
    };

    public IAmazonKeyManagementService Kms { get; }
    public KeyMetadata Key { get; }
    public KeyMetadata Other { get; }
    public byte[] UnderKey { get; }
    public byte[] UnderOther { get; }

    public static async Task<CryptoScenario> CreateAsync(IAmazonKeyManagementService kms)
    {
        var key = await kms.CreateKeyAsync("the key under test");
        var other = await kms.CreateKeyAsync("another enabled key");
        var underKey = (await kms.EncryptAsync(key.KeyId, "under the key")).ToArray();
        var underOther = (await kms.EncryptAsync(other.KeyId, "under the other key")).ToArray();
        return new CryptoScenario(kms, key, other, underKey, underOther);
    }

    /// <summary>Runs <paramref name="operation"/> so that it uses <see cref="Key"/>.</summary>
    public Task RunAsync(string operation, bool? dryRun = null, List<string>? grantTokens = null) => operation switch
    {
        Encrypt => Kms.EncryptAsync(new EncryptRequest { KeyId = Key.KeyId, Plaintext = Utf8("x"), DryRun = dryRun, GrantTokens = grantTokens }),
        Decrypt => Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = Stream(UnderKey), DryRun = dryRun, GrantTokens = grantTokens }),
        ReEncryptFrom => Kms.ReEncryptAsync(new ReEncryptRequest
        {
            CiphertextBlob = Stream(UnderKey),
            DestinationKeyId = Other.KeyId,
            DryRun = dryRun,
            GrantTokens = grantTokens,
        }),
        ReEncryptTo => Kms.ReEncryptAsync(new ReEncryptRequest
        {
            CiphertextBlob = Stream(UnderOther),
            DestinationKeyId = Key.KeyId,
            DryRun = dryRun,
            GrantTokens = grantTokens,
        }),
        GenerateDataKey => Kms.GenerateDataKeyAsync(new GenerateDataKeyRequest
        {
            KeyId = Key.KeyId,
            KeySpec = "AES_256",
            DryRun = dryRun,
            GrantTokens = grantTokens,
        }),
        GenerateDataKeyWithoutPlaintext => Kms.GenerateDataKeyWithoutPlaintextAsync(new GenerateDataKeyWithoutPlaintextRequest
        {
            KeyId = Key.KeyId,
            KeySpec = "AES_256",
            DryRun = dryRun,
            GrantTokens = grantTokens,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };
}
