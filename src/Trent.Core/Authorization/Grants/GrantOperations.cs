using Trent.Core.Keys;

namespace Trent.Core.Authorization.Grants;

/// <summary>Which grant operations a key of each type accepts (AWS's GrantOperation table).</summary>
public static class GrantOperations
{
    public const string CreateGrant = "CreateGrant";
    public const string RetireGrant = "RetireGrant";
    public const string DescribeKey = "DescribeKey";

    private static readonly string[] EveryKey = [CreateGrant, RetireGrant, DescribeKey];

    private static readonly string[] SymmetricEncryption =
    [
        "Decrypt", "Encrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "GenerateDataKeyPair",
        "GenerateDataKeyPairWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo", .. EveryKey,
    ];

    private static readonly string[] AsymmetricEncryption = ["Encrypt", "Decrypt", "ReEncryptFrom", "ReEncryptTo", "GetPublicKey", .. EveryKey];

    private static readonly string[] Signing = ["Sign", "Verify", "GetPublicKey", .. EveryKey];

    private static readonly string[] KeyAgreement = ["DeriveSharedSecret", "GetPublicKey", .. EveryKey];

    private static readonly string[] Mac = ["GenerateMac", "VerifyMac", .. EveryKey];

    /// <summary>The grant operations valid for <paramref name="key"/>.</summary>
    public static IReadOnlyList<string> For(KmsKey key) => key.KeyUsage switch
    {
        _ when key.IsSymmetricEncryption => SymmetricEncryption,
        KeyUsage.ENCRYPT_DECRYPT => AsymmetricEncryption,
        KeyUsage.SIGN_VERIFY => Signing,
        KeyUsage.KEY_AGREEMENT => KeyAgreement,
        KeyUsage.GENERATE_VERIFY_MAC => Mac,
        _ => EveryKey,
    };

    /// <summary>Refuses operations the key cannot be granted (ValidationException, as AWS answers).</summary>
    public static void RequireValidFor(KmsKey key, IEnumerable<string> operations)
    {
        var valid = For(key);
        var invalid = operations.Where(o => !valid.Contains(o, StringComparer.Ordinal)).ToList();
        if (invalid.Count > 0)
        {
            // AWS's exact wording for this refusal is not known.
            throw KmsException.Validation(
                $"Grant operations [{string.Join(", ", invalid)}] are not valid for {key.Arn}, a key with key spec {key.KeySpec} and key usage {key.KeyUsage}.");
        }
    }

    /// <summary>Operations whose use ignores the grant's encryption context constraint (they take no context).</summary>
    public static bool IgnoresConstraints(string operation) => operation is DescribeKey or RetireGrant;
}
