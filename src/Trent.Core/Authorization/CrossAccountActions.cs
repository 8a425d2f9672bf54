namespace Trent.Core.Authorization;

/// <summary>
/// The KMS actions AWS lets a principal of another account perform on a key, when the key policy allows it
/// (the "Cross-account use: Yes" column of the KMS permissions reference).
/// </summary>
public static class CrossAccountActions
{
    private static readonly HashSet<string> Actions = new(StringComparer.Ordinal)
    {
        "kms:CreateGrant", "kms:Decrypt", "kms:DeriveSharedSecret", "kms:DescribeKey", "kms:Encrypt",
        "kms:GenerateDataKey", "kms:GenerateDataKeyPair", "kms:GenerateDataKeyPairWithoutPlaintext",
        "kms:GenerateDataKeyWithoutPlaintext", "kms:GenerateMac", "kms:GetKeyRotationStatus", "kms:GetPublicKey",
        "kms:ListGrants", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:RetireGrant", "kms:RevokeGrant", "kms:Sign",
        "kms:Verify", "kms:VerifyMac",
    };

    public static bool Contains(string action) => Actions.Contains(action);
}
