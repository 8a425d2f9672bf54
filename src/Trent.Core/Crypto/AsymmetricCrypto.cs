using Trent.Core.Authorization.Policies;
using Trent.Core.Crypto.Asymmetric;
using Trent.Core.Keys;

namespace Trent.Core.Crypto;

/// <summary>A public key as GetPublicKey reports it.</summary>
public sealed record PublicKeyInfo(KmsKey Key, byte[] PublicKey);

/// <summary>A data key pair: the private key's plaintext and ciphertext under the KMS key, and the public key.</summary>
public sealed record DataKeyPair(KmsKey Key, byte[] PrivateKeyPlaintext, byte[] PrivateKeyCiphertextBlob, byte[] PublicKey, string MaterialId);

/// <summary>
/// The operations of asymmetric and HMAC keys: Sign, Verify, GetPublicKey, GenerateMac, VerifyMac, DeriveSharedSecret,
/// and data key pairs (whose private key is encrypted under a symmetric key).
/// </summary>
public sealed class AsymmetricCrypto(KeyAccess access, SymmetricCrypto symmetric, IRandomSource random, KmsLimits limits)
{
    public async ValueTask<(KmsKey Key, byte[] Signature)> SignAsync(
        KmsRequestContext ctx, string keyId, ReadOnlyMemory<byte> message, MessageType messageType, SigningAlgorithm algorithm,
        IReadOnlyList<string>? grantTokens, bool dryRun, CancellationToken ct = default)
    {
        using var lease = await access.ReadAsync(ctx, keyId, KeyIdForms.Any, "kms:Sign", ct,
            SigningDetails(messageType, algorithm, grantTokens));
        RequireUsage(lease.Key, KeyUsage.SIGN_VERIFY, "Sign");
        AlgorithmRules.CheckSigning(lease.Key.KeySpec, algorithm, messageType, message.Length);
        ThrowIfDryRun(dryRun);
        return (lease.Key, lease.Live.Asymmetric().Sign(algorithm, messageType, message.Span));
    }

    public async ValueTask<KmsKey> VerifyAsync(
        KmsRequestContext ctx, string keyId, ReadOnlyMemory<byte> message, MessageType messageType, ReadOnlyMemory<byte> signature,
        SigningAlgorithm algorithm, IReadOnlyList<string>? grantTokens, bool dryRun, CancellationToken ct = default)
    {
        using var lease = await access.ReadAsync(ctx, keyId, KeyIdForms.Any, "kms:Verify", ct,
            SigningDetails(messageType, algorithm, grantTokens));
        RequireUsage(lease.Key, KeyUsage.SIGN_VERIFY, "Verify");
        AlgorithmRules.CheckSigning(lease.Key.KeySpec, algorithm, messageType, message.Length);
        ThrowIfDryRun(dryRun);
        // AWS never answers SignatureValid=false: a signature that does not verify is an error without a message.
        return lease.Live.Asymmetric().Verify(algorithm, messageType, message.Span, signature.Span)
            ? lease.Key
            : throw new KmsException(KmsErrorCode.KMSInvalidSignatureException);
    }

    public async ValueTask<PublicKeyInfo> GetPublicKeyAsync(
        KmsRequestContext ctx, string keyId, IReadOnlyList<string>? grantTokens, CancellationToken ct = default)
    {
        using var lease = await access.ReadAsync(ctx, keyId, KeyIdForms.Any, "kms:GetPublicKey", ct,
            new AccessDetails(GrantTokens: grantTokens));
        var key = lease.Key;
        if (key.IsSymmetricEncryption || MacKeys.IsMacSpec(key.KeySpec))
        {
            throw new KmsException(KmsErrorCode.UnsupportedOperationException,
                $"{key.Arn} key spec is {key.KeySpec}, which has no public key. GetPublicKey supports asymmetric KMS keys only.");
        }
        KeyStateRules.RequireUsable(key);
        return new PublicKeyInfo(key, lease.Live.Asymmetric().PublicKey.ToArray());
    }

    public async ValueTask<(KmsKey Key, byte[] Mac)> GenerateMacAsync(
        KmsRequestContext ctx, string keyId, ReadOnlyMemory<byte> message, MacAlgorithm algorithm,
        IReadOnlyList<string>? grantTokens, bool dryRun, CancellationToken ct = default)
    {
        using var lease = await access.ReadAsync(ctx, keyId, KeyIdForms.Any, "kms:GenerateMac", ct,
            MacDetails(algorithm, grantTokens));
        var key = lease.Key;
        RequireUsage(key, KeyUsage.GENERATE_VERIFY_MAC, "GenerateMac");
        AlgorithmRules.RequireCompatible(key.KeySpec, algorithm.ToString());
        ThrowIfDryRun(dryRun);
        return (key, MacKeys.Compute(key.KeySpec, algorithm, lease.Live.Material(key.CurrentMaterialId!), message.Span));
    }

    public async ValueTask<KmsKey> VerifyMacAsync(
        KmsRequestContext ctx, string keyId, ReadOnlyMemory<byte> message, MacAlgorithm algorithm, ReadOnlyMemory<byte> mac,
        IReadOnlyList<string>? grantTokens, bool dryRun, CancellationToken ct = default)
    {
        using var lease = await access.ReadAsync(ctx, keyId, KeyIdForms.Any, "kms:VerifyMac", ct,
            MacDetails(algorithm, grantTokens));
        var key = lease.Key;
        RequireUsage(key, KeyUsage.GENERATE_VERIFY_MAC, "VerifyMac");
        AlgorithmRules.RequireCompatible(key.KeySpec, algorithm.ToString());
        ThrowIfDryRun(dryRun);
        return MacKeys.Verify(key.KeySpec, algorithm, lease.Live.Material(key.CurrentMaterialId!), message.Span, mac.Span)
            ? key
            : throw new KmsException(KmsErrorCode.KMSInvalidMacException);
    }

    public async ValueTask<(KmsKey Key, byte[] SharedSecret)> DeriveSharedSecretAsync(
        KmsRequestContext ctx, string keyId, string keyAgreementAlgorithm, ReadOnlyMemory<byte> peerPublicKey,
        IReadOnlyList<string>? grantTokens, bool dryRun, CancellationToken ct = default)
    {
        using var lease = await access.ReadAsync(ctx, keyId, KeyIdForms.Any, "kms:DeriveSharedSecret", ct,
            new AccessDetails(new ConditionValues().Set("kms:KeyAgreementAlgorithm", keyAgreementAlgorithm), GrantTokens: grantTokens));
        var key = lease.Key;
        RequireUsage(key, KeyUsage.KEY_AGREEMENT, "DeriveSharedSecret");
        AlgorithmRules.RequireCompatible(key.KeySpec, keyAgreementAlgorithm);
        // The peer key is input a dry run validates too; only a usable one is worth a DryRunOperationException.
        var secret = lease.Live.Asymmetric().DeriveSharedSecret(peerPublicKey.Span);
        if (dryRun)
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(secret);
            throw SymmetricCrypto.DryRunSucceeded();
        }
        return (key, secret);
    }

    public async ValueTask<DataKeyPair> GenerateDataKeyPairAsync(
        KmsRequestContext ctx, string keyId, DataKeyPairSpec spec, IReadOnlyDictionary<string, string>? context,
        IReadOnlyList<string>? grantTokens, bool dryRun, string action, CancellationToken ct = default)
    {
        if (spec == DataKeyPairSpec.SM2)
        {
            Sm2Availability.Require(ctx, limits, "KeyPairSpec");
        }
        var conditions = new ConditionValues().Set("kms:DataKeyPairSpec", spec.ToString());
        var wrapped = await symmetric.EncryptGeneratedAsync(ctx, keyId, action, context, grantTokens, dryRun, conditions,
            () => KeyMaterialGenerator.GenerateDataKeyPair(spec, random), pair => pair.PrivateKey, ct);
        return new DataKeyPair(wrapped.Key, wrapped.Secret.PrivateKey, wrapped.CiphertextBlob, wrapped.Secret.PublicKey, wrapped.MaterialId);
    }

    private static AccessDetails SigningDetails(MessageType messageType, SigningAlgorithm algorithm, IReadOnlyList<string>? grantTokens) =>
        new(new ConditionValues().Set("kms:SigningAlgorithm", algorithm.ToString()).Set("kms:MessageType", messageType.ToString()),
            GrantTokens: grantTokens);

    private static AccessDetails MacDetails(MacAlgorithm algorithm, IReadOnlyList<string>? grantTokens) =>
        new(new ConditionValues().Set("kms:MacAlgorithm", algorithm.ToString()), GrantTokens: grantTokens);

    /// <summary>Key state, then key usage, as AWS checks them.</summary>
    private static void RequireUsage(KmsKey key, KeyUsage usage, string operation)
    {
        KeyStateRules.RequireUsable(key);
        if (key.KeyUsage != usage)
        {
            throw new KmsException(KmsErrorCode.InvalidKeyUsageException,
                $"{key.Arn} key usage is {key.KeyUsage} which is not valid for {operation}.");
        }
    }

    private static void ThrowIfDryRun(bool dryRun)
    {
        if (dryRun)
        {
            throw SymmetricCrypto.DryRunSucceeded();
        }
    }
}
