namespace Trent.Protocol.Wire;

// Shapes shared by several operations, with property names exactly as in the AWS model.

public sealed record Tag(string TagKey, string TagValue);

public sealed record KeyListEntry(string KeyId, string KeyArn);

public sealed record AliasListEntry(string AliasName, string AliasArn, string? TargetKeyId, DateTimeOffset CreationDate, DateTimeOffset LastUpdatedDate);

public sealed record RotationsListEntry
{
    public required string KeyId { get; init; }
    public required string KeyMaterialId { get; init; }
    public required string KeyMaterialState { get; init; }
    public DateTimeOffset? RotationDate { get; init; }
    public string? RotationType { get; init; }
}

public sealed record MultiRegionKey(string Arn, string Region);

public sealed record MultiRegionConfiguration(string MultiRegionKeyType, MultiRegionKey PrimaryKey, IReadOnlyList<MultiRegionKey> ReplicaKeys);

public sealed record KeyMetadata
{
    public required string AWSAccountId { get; init; }
    public required string KeyId { get; init; }
    public required string Arn { get; init; }
    public required DateTimeOffset CreationDate { get; init; }
    public required bool Enabled { get; init; }
    public required string Description { get; init; }
    public required string KeyUsage { get; init; }
    public required string KeyState { get; init; }
    public DateTimeOffset? DeletionDate { get; init; }
    public required string Origin { get; init; }
    public required string KeyManager { get; init; }
    public string? CustomerMasterKeySpec { get; init; }
    public required string KeySpec { get; init; }
    public IReadOnlyList<string>? EncryptionAlgorithms { get; init; }
    public IReadOnlyList<string>? SigningAlgorithms { get; init; }
    public IReadOnlyList<string>? MacAlgorithms { get; init; }
    public IReadOnlyList<string>? KeyAgreementAlgorithms { get; init; }
    public required bool MultiRegion { get; init; }
    public MultiRegionConfiguration? MultiRegionConfiguration { get; init; }
    public string? CurrentKeyMaterialId { get; init; }
}

public sealed record GrantConstraints(Dictionary<string, string>? EncryptionContextSubset, Dictionary<string, string>? EncryptionContextEquals);

public sealed record GrantListEntry
{
    public required string KeyId { get; init; }
    public required string GrantId { get; init; }
    public string? Name { get; init; }
    public required DateTimeOffset CreationDate { get; init; }
    public required string GranteePrincipal { get; init; }
    public string? RetiringPrincipal { get; init; }
    public required string IssuingAccount { get; init; }
    public required IReadOnlyList<string> Operations { get; init; }
    public GrantConstraints? Constraints { get; init; }
}
