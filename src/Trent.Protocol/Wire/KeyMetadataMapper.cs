using Trent.Core.Keys;

namespace Trent.Protocol.Wire;

/// <summary>Builds the wire KeyMetadata from a domain key, with AWS's presence rules for each field.</summary>
public static class KeyMetadataMapper
{
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
            CustomerMasterKeySpec = CustomerMasterKeySpec(key.KeySpec),
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

    /// <summary>
    /// The deprecated twin of KeySpec, for every spec: AWS sends it even for the specs its enum lacks (an ML_DSA_65 key's
    /// CreateKey output shows <c>"CustomerMasterKeySpec": "ML_DSA_65"</c> in AWS's ML-DSA launch post), and SDKs accept
    /// values their enums do not know.
    /// </summary>
    public static string CustomerMasterKeySpec(KeySpec spec) => spec.ToString();

    private static IReadOnlyList<string>? NullIfEmpty(IReadOnlyList<string> list) => list.Count == 0 ? null : list;
}
