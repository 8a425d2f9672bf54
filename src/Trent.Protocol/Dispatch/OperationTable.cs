using System.Collections.Frozen;
using Trent.Protocol.Operations;

namespace Trent.Protocol.Dispatch;

/// <summary>The registration list: every implemented KMS operation, looked up by name.</summary>
public sealed class OperationTable
{
    private readonly FrozenDictionary<string, IKmsOperation> _operations;

    public OperationTable(IEnumerable<IKmsOperation> operations) =>
        _operations = operations.ToFrozenDictionary(o => o.Name, StringComparer.Ordinal);

    public IEnumerable<string> Names => _operations.Keys;

    public IKmsOperation? Find(string name) => _operations.GetValueOrDefault(name);

    public static OperationTable Create(KmsServices s) => new(
    [
    new CancelKeyDeletion(s.Lifecycle),
    new CreateAlias(s.Aliases),
    new CreateGrant(s.Grants),
    new CreateKey(s.Lifecycle),
    new Decrypt(s.Crypto),
    new DeleteAlias(s.Aliases),
    new DeriveSharedSecret(s.Asymmetric),
    new DescribeKey(s.Lifecycle),
    new DisableKey(s.Lifecycle),
    new DisableKeyRotation(s.Rotation),
    new EnableKey(s.Lifecycle),
    new EnableKeyRotation(s.Rotation),
    new Encrypt(s.Crypto),
    new GenerateDataKey(s.Crypto),
    new GenerateDataKeyPair(s.Asymmetric),
    new GenerateDataKeyPairWithoutPlaintext(s.Asymmetric),
    new GenerateDataKeyWithoutPlaintext(s.Crypto),
    new GenerateMac(s.Asymmetric),
    new GenerateRandom(s.Crypto),
    new GetKeyLastUsage(s.LastUsage),
    new GetKeyPolicy(s.Attributes),
    new GetKeyRotationStatus(s.Rotation),
    new GetPublicKey(s.Asymmetric),
    new ListAliases(s.Aliases),
    new ListGrants(s.Grants),
    new ListKeyPolicies(s.Attributes),
    new ListKeyRotations(s.Rotation),
    new ListKeys(s.Lifecycle),
    new ListResourceTags(s.Attributes),
    new ListRetirableGrants(s.Grants),
    new PutKeyPolicy(s.Attributes),
    new ReEncrypt(s.Crypto),
    new RetireGrant(s.Grants),
    new RevokeGrant(s.Grants),
    new RotateKeyOnDemand(s.Rotation),
    new ScheduleKeyDeletion(s.Lifecycle),
    new Sign(s.Asymmetric),
    new TagResource(s.Attributes),
    new UntagResource(s.Attributes),
    new UpdateAlias(s.Aliases),
    new UpdateKeyDescription(s.Lifecycle),
    new Verify(s.Asymmetric),
    new VerifyMac(s.Asymmetric),
    ]);
}
