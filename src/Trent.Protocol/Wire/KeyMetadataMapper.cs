using Trent.Core.Keys;

namespace Trent.Protocol.Wire;

/// <summary>Builds the wire KeyMetadata from a domain key, with AWS's presence rules for each field.</summary>
public static class KeyMetadataMapper
{
    // CustomerMasterKeySpec's enum predates these specs; AWS omits the deprecated field for them.
    private static readonly HashSet<KeySpec> NoCustomerMasterKeySpec =
        [KeySpec.ECC_NIST_EDWARDS25519, KeySpec.ML_DSA_44, KeySpec.ML_DSA_65, KeySpec.ML_DSA_87];

    public static KeyMetadata ToWire(KmsKey key)
    {
        var (encryption, signing, mac, agreement) = KeySpecTable.AlgorithmsFor(key.KeySpec, key.KeyUsage);
        var arn = key.Arn.ToString();
        return new KeyMetadata
        {
            AWSAccountId = key.Arn.AccountId,
            KeyId = key.KeyId,
            Arn = arn,
            CreationDate = key.CreationDate,
            Enabled = key.State == KeyState.Enabled,
            Description = key.Description,
            KeyUsage = key.KeyUsage.ToString(),
            KeyState = key.State.ToString(),
            DeletionDate = key.State == KeyState.PendingDeletion ? key.DeletionDate : null,
            Origin = key.Origin.ToString(),
            KeyManager = "CUSTOMER",
            CustomerMasterKeySpec = NoCustomerMasterKeySpec.Contains(key.KeySpec) ? null : key.KeySpec.ToString(),
            KeySpec = key.KeySpec.ToString(),
            EncryptionAlgorithms = NullIfEmpty(encryption),
            SigningAlgorithms = NullIfEmpty(signing),
            MacAlgorithms = NullIfEmpty(mac),
            KeyAgreementAlgorithms = NullIfEmpty(agreement),
            MultiRegion = key.MultiRegion,
            MultiRegionConfiguration = key.MultiRegion
                ? new MultiRegionConfiguration("PRIMARY", new MultiRegionKey(arn, key.Arn.Region), [])
                : null,
            CurrentKeyMaterialId = key.IsSymmetricEncryption && key.Origin is KeyOrigin.AWS_KMS or KeyOrigin.EXTERNAL
                ? key.CurrentMaterialId
                : null,
        };
    }

    private static IReadOnlyList<string>? NullIfEmpty(IReadOnlyList<string> list) => list.Count == 0 ? null : list;
}
