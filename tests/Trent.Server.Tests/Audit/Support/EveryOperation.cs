using System.Security.Cryptography;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;

namespace Trent.Server.Tests.Audit.Support;

/// <summary>One successful call: its request id and the key ARNs its audit record must name as resources.</summary>
public sealed record AuditedCall(string RequestId, IReadOnlyList<string> KeyArns);

/// <summary>
/// A successful call of every KMS operation Trent implements, through the AWS SDK for .NET, each on keys of its own:
/// the audit tests run them all and read back what the trail says about each.
/// </summary>
public sealed class EveryOperation(IAmazonKeyManagementService kms, string account)
{
    private readonly string _root = $"arn:aws:iam::{account}:root";

    private IAmazonKeyManagementService Kms => kms;

    public static readonly IReadOnlyDictionary<string, Func<EveryOperation, Task<AuditedCall>>> Calls =
        new Dictionary<string, Func<EveryOperation, Task<AuditedCall>>>
        {
            ["CancelKeyDeletion"] = async o =>
            {
                var key = await o.KeyAsync();
                await o.Kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = key.KeyId, PendingWindowInDays = 7 });
                return Of(await o.Kms.CancelKeyDeletionAsync(new CancelKeyDeletionRequest { KeyId = key.KeyId }), key);
            },
            ["CreateAlias"] = async o =>
            {
                var key = await o.KeyAsync();
                return Of(await o.Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = Alias(), TargetKeyId = key.KeyId }), key);
            },
            ["CreateGrant"] = async o =>
            {
                var key = await o.KeyAsync();
                return Of(await o.Kms.CreateGrantAsync(new CreateGrantRequest { KeyId = key.KeyId, GranteePrincipal = o._root, Operations = ["Encrypt"] }), key);
            },
            ["CreateKey"] = async o =>
            {
                var created = await o.Kms.CreateKeyAsync(new CreateKeyRequest { Description = "audited" });
                return Of(created, created.KeyMetadata);
            },
            ["Decrypt"] = async o =>
            {
                var key = await o.KeyAsync();
                var blob = (await o.Kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = Bytes(16) })).CiphertextBlob;
                return Of(await o.Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = blob }), key);
            },
            ["DeleteAlias"] = async o =>
            {
                var key = await o.KeyAsync();
                var alias = Alias();
                await o.Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = alias, TargetKeyId = key.KeyId });
                return Of(await o.Kms.DeleteAliasAsync(new DeleteAliasRequest { AliasName = alias }), key);
            },
            ["DeriveSharedSecret"] = async o =>
            {
                var key = await o.KeyAsync(KeySpec.ECC_NIST_P256, KeyUsageType.KEY_AGREEMENT);
                using var peer = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
                return Of(await o.Kms.DeriveSharedSecretAsync(new DeriveSharedSecretRequest
                {
                    KeyId = key.KeyId,
                    KeyAgreementAlgorithm = KeyAgreementAlgorithmSpec.ECDH,
                    PublicKey = new MemoryStream(peer.ExportSubjectPublicKeyInfo()),
                }), key);
            },
            ["DescribeKey"] = async o => { var key = await o.KeyAsync(); return Of(await o.Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = key.KeyId }), key); },
            ["DisableKey"] = async o => { var key = await o.KeyAsync(); return Of(await o.Kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId }), key); },
            ["DisableKeyRotation"] = async o => { var key = await o.KeyAsync(); return Of(await o.Kms.DisableKeyRotationAsync(new DisableKeyRotationRequest { KeyId = key.KeyId }), key); },
            ["EnableKey"] = async o => { var key = await o.KeyAsync(); return Of(await o.Kms.EnableKeyAsync(new EnableKeyRequest { KeyId = key.KeyId }), key); },
            ["EnableKeyRotation"] = async o => { var key = await o.KeyAsync(); return Of(await o.Kms.EnableKeyRotationAsync(new EnableKeyRotationRequest { KeyId = key.KeyId }), key); },
            ["Encrypt"] = async o =>
            {
                var key = await o.KeyAsync();
                return Of(await o.Kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = Bytes(16), EncryptionContext = new() { ["purpose"] = "audit" } }), key);
            },
            ["GenerateDataKey"] = async o =>
            {
                var key = await o.KeyAsync();
                return Of(await o.Kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId, KeySpec = DataKeySpec.AES_256 }), key);
            },
            ["GenerateDataKeyPair"] = async o =>
            {
                var key = await o.KeyAsync();
                return Of(await o.Kms.GenerateDataKeyPairAsync(new GenerateDataKeyPairRequest { KeyId = key.KeyId, KeyPairSpec = DataKeyPairSpec.ECC_NIST_P256 }), key);
            },
            ["GenerateDataKeyPairWithoutPlaintext"] = async o =>
            {
                var key = await o.KeyAsync();
                return Of(await o.Kms.GenerateDataKeyPairWithoutPlaintextAsync(new GenerateDataKeyPairWithoutPlaintextRequest
                {
                    KeyId = key.KeyId,
                    KeyPairSpec = DataKeyPairSpec.ECC_NIST_P256,
                }), key);
            },
            ["GenerateDataKeyWithoutPlaintext"] = async o =>
            {
                var key = await o.KeyAsync();
                return Of(await o.Kms.GenerateDataKeyWithoutPlaintextAsync(new GenerateDataKeyWithoutPlaintextRequest { KeyId = key.KeyId, NumberOfBytes = 32 }), key);
            },
            ["GenerateMac"] = async o =>
            {
                var key = await o.KeyAsync(KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC);
                return Of(await o.Kms.GenerateMacAsync(new GenerateMacRequest { KeyId = key.KeyId, MacAlgorithm = MacAlgorithmSpec.HMAC_SHA_256, Message = Bytes(20) }), key);
            },
            ["GenerateRandom"] = async o => Of(await o.Kms.GenerateRandomAsync(new GenerateRandomRequest { NumberOfBytes = 32 })),
            ["GetKeyLastUsage"] = async o => { var key = await o.KeyAsync(); return Of(await o.Kms.GetKeyLastUsageAsync(new GetKeyLastUsageRequest { KeyId = key.KeyId }), key); },
            ["GetKeyPolicy"] = async o => { var key = await o.KeyAsync(); return Of(await o.Kms.GetKeyPolicyAsync(new GetKeyPolicyRequest { KeyId = key.KeyId }), key); },
            ["GetKeyRotationStatus"] = async o => { var key = await o.KeyAsync(); return Of(await o.Kms.GetKeyRotationStatusAsync(new GetKeyRotationStatusRequest { KeyId = key.KeyId }), key); },
            ["GetPublicKey"] = async o =>
            {
                var key = await o.KeyAsync(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
                return Of(await o.Kms.GetPublicKeyAsync(new GetPublicKeyRequest { KeyId = key.KeyId }), key);
            },
            ["ListAliases"] = async o => Of(await o.Kms.ListAliasesAsync(new ListAliasesRequest { Limit = 5 })),
            ["ListGrants"] = async o => { var key = await o.KeyAsync(); return Of(await o.Kms.ListGrantsAsync(new ListGrantsRequest { KeyId = key.KeyId }), key); },
            ["ListKeyPolicies"] = async o => { var key = await o.KeyAsync(); return Of(await o.Kms.ListKeyPoliciesAsync(new ListKeyPoliciesRequest { KeyId = key.KeyId }), key); },
            ["ListKeyRotations"] = async o => { var key = await o.KeyAsync(); return Of(await o.Kms.ListKeyRotationsAsync(new ListKeyRotationsRequest { KeyId = key.KeyId }), key); },
            ["ListKeys"] = async o => Of(await o.Kms.ListKeysAsync(new ListKeysRequest { Limit = 5 })),
            ["ListResourceTags"] = async o => { var key = await o.KeyAsync(); return Of(await o.Kms.ListResourceTagsAsync(new ListResourceTagsRequest { KeyId = key.KeyId }), key); },
            ["ListRetirableGrants"] = async o => Of(await o.Kms.ListRetirableGrantsAsync(new ListRetirableGrantsRequest { RetiringPrincipal = o._root })),
            ["PutKeyPolicy"] = async o =>
            {
                var key = await o.KeyAsync();
                var policy = (await o.Kms.GetKeyPolicyAsync(new GetKeyPolicyRequest { KeyId = key.KeyId })).Policy;
                return Of(await o.Kms.PutKeyPolicyAsync(new PutKeyPolicyRequest { KeyId = key.KeyId, PolicyName = "default", Policy = policy }), key);
            },
            ["ReEncrypt"] = async o =>
            {
                var source = await o.KeyAsync();
                var destination = await o.KeyAsync();
                var blob = (await o.Kms.EncryptAsync(new EncryptRequest { KeyId = source.KeyId, Plaintext = Bytes(16) })).CiphertextBlob;
                return Of(await o.Kms.ReEncryptAsync(new ReEncryptRequest { CiphertextBlob = blob, DestinationKeyId = destination.KeyId }), source, destination);
            },
            ["RetireGrant"] = async o =>
            {
                var key = await o.KeyAsync();
                var grant = await o.Kms.CreateGrantAsync(new CreateGrantRequest { KeyId = key.KeyId, GranteePrincipal = o._root, RetiringPrincipal = o._root, Operations = ["Encrypt"] });
                return Of(await o.Kms.RetireGrantAsync(new RetireGrantRequest { KeyId = key.Arn, GrantId = grant.GrantId }), key);
            },
            ["RevokeGrant"] = async o =>
            {
                var key = await o.KeyAsync();
                var grant = await o.Kms.CreateGrantAsync(new CreateGrantRequest { KeyId = key.KeyId, GranteePrincipal = o._root, Operations = ["Encrypt"] });
                return Of(await o.Kms.RevokeGrantAsync(new RevokeGrantRequest { KeyId = key.KeyId, GrantId = grant.GrantId }), key);
            },
            ["RotateKeyOnDemand"] = async o => { var key = await o.KeyAsync(); return Of(await o.Kms.RotateKeyOnDemandAsync(new RotateKeyOnDemandRequest { KeyId = key.KeyId }), key); },
            ["ScheduleKeyDeletion"] = async o =>
            {
                var key = await o.KeyAsync();
                return Of(await o.Kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = key.KeyId, PendingWindowInDays = 7 }), key);
            },
            ["Sign"] = async o =>
            {
                var key = await o.KeyAsync(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
                return Of(await o.Kms.SignAsync(new SignRequest { KeyId = key.KeyId, Message = Bytes(20), SigningAlgorithm = SigningAlgorithmSpec.ECDSA_SHA_256 }), key);
            },
            ["TagResource"] = async o =>
            {
                var key = await o.KeyAsync();
                return Of(await o.Kms.TagResourceAsync(new TagResourceRequest { KeyId = key.KeyId, Tags = [new Tag { TagKey = "team", TagValue = "audit" }] }), key);
            },
            ["UntagResource"] = async o => { var key = await o.KeyAsync(); return Of(await o.Kms.UntagResourceAsync(new UntagResourceRequest { KeyId = key.KeyId, TagKeys = ["team"] }), key); },
            ["UpdateAlias"] = async o =>
            {
                var first = await o.KeyAsync();
                var second = await o.KeyAsync();
                var alias = Alias();
                await o.Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = alias, TargetKeyId = first.KeyId });
                return Of(await o.Kms.UpdateAliasAsync(new UpdateAliasRequest { AliasName = alias, TargetKeyId = second.KeyId }), first, second);
            },
            ["UpdateKeyDescription"] = async o =>
            {
                var key = await o.KeyAsync();
                return Of(await o.Kms.UpdateKeyDescriptionAsync(new UpdateKeyDescriptionRequest { KeyId = key.KeyId, Description = "renamed" }), key);
            },
            ["Verify"] = async o =>
            {
                var key = await o.KeyAsync(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
                var message = Bytes(20);
                var signature = (await o.Kms.SignAsync(new SignRequest { KeyId = key.KeyId, Message = Copy(message), SigningAlgorithm = SigningAlgorithmSpec.ECDSA_SHA_256 })).Signature;
                return Of(await o.Kms.VerifyAsync(new VerifyRequest { KeyId = key.KeyId, Message = message, Signature = signature, SigningAlgorithm = SigningAlgorithmSpec.ECDSA_SHA_256 }), key);
            },
            ["VerifyMac"] = async o =>
            {
                var key = await o.KeyAsync(KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC);
                var message = Bytes(20);
                var mac = (await o.Kms.GenerateMacAsync(new GenerateMacRequest { KeyId = key.KeyId, MacAlgorithm = MacAlgorithmSpec.HMAC_SHA_256, Message = Copy(message) })).Mac;
                return Of(await o.Kms.VerifyMacAsync(new VerifyMacRequest { KeyId = key.KeyId, MacAlgorithm = MacAlgorithmSpec.HMAC_SHA_256, Message = message, Mac = mac }), key);
            },
        };

    public Task<AuditedCall> RunAsync(string operation) => Calls[operation](this);

    private async Task<KeyMetadata> KeyAsync(KeySpec? spec = null, KeyUsageType? usage = null) =>
        (await kms.CreateKeyAsync(new CreateKeyRequest { KeySpec = spec, KeyUsage = usage, Description = "audit test key" })).KeyMetadata;

    private static AuditedCall Of(AmazonWebServiceResponse response, params KeyMetadata[] keys) =>
        new(response.ResponseMetadata.RequestId, keys.Select(k => k.Arn).ToList());

    private static string Alias() => "alias/audit-" + Guid.NewGuid().ToString("N");

    private static MemoryStream Bytes(int count) => new(RandomNumberGenerator.GetBytes(count));

    private static MemoryStream Copy(MemoryStream stream) => new(stream.ToArray());
}
