using System.Security.Cryptography;
using Trent.Core.Authorization;
using Trent.Core.Authorization.Policies;
using Trent.Core.Keys;

namespace Trent.Core.Crypto;

/// <summary>The result of an encryption under a KMS key.</summary>
/// <param name="MaterialId">The symmetric material version used; null for asymmetric keys.</param>
public sealed record Encrypted(KmsKey Key, byte[] CiphertextBlob, string? MaterialId);

/// <summary>The result of a decryption: the plaintext belongs to the caller and is zeroed after the response is written.</summary>
public sealed record Decrypted(KmsKey Key, byte[] Plaintext, string? MaterialId);

/// <summary>A data key: its plaintext and its ciphertext under the KMS key.</summary>
public sealed record DataKey(KmsKey Key, byte[] Plaintext, byte[] CiphertextBlob, string MaterialId);

/// <summary>
/// Encryption with KMS keys: Encrypt, Decrypt and ReEncrypt (symmetric keys with Trent's ciphertext format, RSA and
/// SM2 keys with their public-key schemes), data keys under symmetric keys, and random bytes.
/// </summary>
public sealed class SymmetricCrypto(KeyAccess access, IRandomSource random)
{
    public const string SymmetricDefault = "SYMMETRIC_DEFAULT";

    public async ValueTask<Encrypted> EncryptAsync(
        KmsRequestContext ctx, string keyId, ReadOnlyMemory<byte> plaintext, IReadOnlyDictionary<string, string>? context,
        string? algorithm, IReadOnlyList<string>? grantTokens, bool dryRun, CancellationToken ct = default)
    {
        using var lease = await access.ReadAsync(ctx, keyId, KeyIdForms.Any, "kms:Encrypt", ct,
            Details(context, algorithm, grantTokens));
        var key = lease.Key;
        RequireEncryptionKey(key, "Encrypt", algorithm, context);
        var aad = CanonicalContext(context);
        if (!key.IsSymmetricEncryption)
        {
            // The public-key schemes' plaintext limit is validation, which a dry run answers too.
            lease.Live.Asymmetric().RequirePlaintextFits(Enum.Parse<EncryptionAlgorithm>(algorithm!), plaintext.Length);
        }
        ThrowIfDryRun(dryRun);
        return EncryptWith(lease, plaintext.Span, aad, algorithm);
    }

    public async ValueTask<Decrypted> DecryptAsync(
        KmsRequestContext ctx, ReadOnlyMemory<byte>? ciphertextBlob, IReadOnlyDictionary<string, string>? context, string? keyId,
        string? algorithm, IReadOnlyList<string>? grantTokens, bool dryRun, bool ignoreCiphertext, CancellationToken ct = default)
    {
        if (dryRun && ignoreCiphertext)
        {
            if (keyId is null)
            {
                throw KmsException.Validation("KeyId is required when DryRunModifiers contains IGNORE_CIPHERTEXT.");
            }
            using var key = await access.ReadAsync(ctx, keyId, KeyIdForms.Any, "kms:Decrypt", ct,
                Details(context, algorithm, grantTokens));
            RequireEncryptionKey(key.Key, "Decrypt", algorithm, context);
            throw DryRunSucceeded();
        }
        if (ciphertextBlob is not { } blob)
        {
            throw CiphertextRequired();
        }
        using var lease = await LeaseForCiphertextAsync(ctx, blob, keyId, "kms:Decrypt", Details(context, algorithm, grantTokens), ct);
        RequireEncryptionKey(lease.Key, "Decrypt", algorithm, context);
        var aad = CanonicalContext(context);
        var decrypted = DecryptWith(lease, blob.Span, aad, algorithm);
        if (dryRun)
        {
            // Without IGNORE_CIPHERTEXT a dry run checks the ciphertext and its context too; only then would it succeed.
            CryptographicOperations.ZeroMemory(decrypted.Plaintext);
            throw DryRunSucceeded();
        }
        return decrypted;
    }

    public async ValueTask<(Decrypted Source, Encrypted Destination)> ReEncryptAsync(
        KmsRequestContext ctx, ReadOnlyMemory<byte>? ciphertextBlob, IReadOnlyDictionary<string, string>? sourceContext, string? sourceKeyId,
        string destinationKeyId, IReadOnlyDictionary<string, string>? destinationContext, string? sourceAlgorithm, string? destinationAlgorithm,
        IReadOnlyList<string>? grantTokens, bool dryRun, bool ignoreCiphertext, CancellationToken ct = default)
    {
        if (!(dryRun && ignoreCiphertext) && ciphertextBlob is null)
        {
            throw CiphertextRequired();
        }
        if (dryRun && ignoreCiphertext && sourceKeyId is null)
        {
            throw KmsException.Validation("SourceKeyId is required when DryRunModifiers contains IGNORE_CIPHERTEXT.");
        }
        var destinationArn = await access.Catalog.ResolveArnAsync(ctx, destinationKeyId, KeyIdForms.Any, ct);
        var sourceDetails = Details(sourceContext, sourceAlgorithm, grantTokens);
        using var source = dryRun && ignoreCiphertext
            ? await access.ReadAsync(ctx, sourceKeyId!, KeyIdForms.Any, "kms:ReEncryptFrom", ct, SameKey(sourceDetails, null, destinationArn))
            : await LeaseForCiphertextAsync(ctx, ciphertextBlob!.Value, sourceKeyId, "kms:ReEncryptFrom", sourceDetails, ct, destinationArn);
        using var destination = await access.ReadAsync(ctx, destinationKeyId, KeyIdForms.Any, "kms:ReEncryptTo", ct,
            SameKey(Details(destinationContext, destinationAlgorithm, grantTokens), source.Key.Arn, destinationArn));
        RequireEncryptionKey(source.Key, "ReEncrypt", sourceAlgorithm, sourceContext);
        RequireEncryptionKey(destination.Key, "ReEncrypt", destinationAlgorithm, destinationContext);
        var sourceAad = CanonicalContext(sourceContext);
        var destinationAad = CanonicalContext(destinationContext);
        if (dryRun && ignoreCiphertext)
        {
            throw DryRunSucceeded();
        }
        var decrypted = DecryptWith(source, ciphertextBlob!.Value.Span, sourceAad, sourceAlgorithm);
        try
        {
            if (!destination.Key.IsSymmetricEncryption)
            {
                destination.Live.Asymmetric().RequirePlaintextFits(Enum.Parse<EncryptionAlgorithm>(destinationAlgorithm!), decrypted.Plaintext.Length);
            }
            // A dry run without IGNORE_CIPHERTEXT checks the source ciphertext, its context and the destination's
            // plaintext limit before it answers.
            ThrowIfDryRun(dryRun);
            return (decrypted, EncryptWith(destination, decrypted.Plaintext, destinationAad, destinationAlgorithm));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(decrypted.Plaintext);
        }
    }

    public async ValueTask<DataKey> GenerateDataKeyAsync(
        KmsRequestContext ctx, string keyId, int numberOfBytes, IReadOnlyDictionary<string, string>? context,
        IReadOnlyList<string>? grantTokens, bool dryRun, string action, CancellationToken ct = default)
    {
        var generated = await EncryptGeneratedAsync(ctx, keyId, action, context, grantTokens, dryRun, new ConditionValues(), () =>
        {
            var plaintext = new byte[numberOfBytes];
            random.Fill(plaintext);
            return plaintext;
        }, plaintext => plaintext, ct);
        return new DataKey(generated.Key, generated.Secret, generated.CiphertextBlob, generated.MaterialId);
    }

    /// <summary>
    /// The shared path of GenerateDataKey* and GenerateDataKeyPair*: authorize against a symmetric encryption key, make
    /// a secret, and encrypt its bytes under the key with the encryption context.
    /// </summary>
    public async ValueTask<(KmsKey Key, T Secret, byte[] CiphertextBlob, string MaterialId)> EncryptGeneratedAsync<T>(
        KmsRequestContext ctx, string keyId, string action, IReadOnlyDictionary<string, string>? context, IReadOnlyList<string>? grantTokens,
        bool dryRun, ConditionValues conditions, Func<T> generate, Func<T, byte[]> secretBytes, CancellationToken ct = default)
    {
        var details = Details(context, SymmetricDefault, grantTokens);
        details.Conditions!.AddMissing(conditions);
        using var lease = await access.ReadAsync(ctx, keyId, KeyIdForms.Any, "kms:" + action, ct, details);
        RequireSymmetricEncryptionKey(lease.Key, action);
        var aad = CanonicalContext(context);
        ThrowIfDryRun(dryRun);
        var secret = generate();
        var encrypted = EncryptWith(lease, secretBytes(secret), aad);
        return (lease.Key, secret, encrypted.CiphertextBlob, encrypted.MaterialId!);
    }

    public async ValueTask<byte[]> GenerateRandomAsync(KmsRequestContext ctx, int numberOfBytes, CancellationToken ct = default)
    {
        await access.AuthorizeWithoutResourceAsync(ctx, "kms:GenerateRandom", ct: ct);
        var bytes = new byte[numberOfBytes];
        random.Fill(bytes);
        return bytes;
    }

    /// <summary>Finds the key of a ciphertext: the blob names it; a KeyId in the request must name the same key.</summary>
    private async ValueTask<KeyLease> LeaseForCiphertextAsync(
        KmsRequestContext ctx, ReadOnlyMemory<byte> blob, string? keyId, string action, AccessDetails details, CancellationToken ct,
        KeyArn? reEncryptDestination = null)
    {
        if (keyId is not null)
        {
            var lease = await access.ReadAsync(ctx, keyId, KeyIdForms.Any, action, ct,
                SameKey(details, null, reEncryptDestination, keyId: await access.Catalog.ResolveArnAsync(ctx, keyId, KeyIdForms.Any, ct)));
            // A symmetric blob names its key, whatever kind of key the request names: AWS answers IncorrectKeyException
            // for a blob of another key even when KeyId is an HMAC or asymmetric key. Public-key ciphertext has no header.
            var header = SymmetricCiphertext.TryReadHeader(blob.Span);
            if (header is { } h && (h.AccountId != lease.Key.Arn.AccountId || h.KeyId != lease.Key.KeyId))
            {
                lease.Dispose();
                throw new KmsException(KmsErrorCode.IncorrectKeyException,
                    "The key ID in the request does not identify a CMK that can perform this operation.");
            }
            return lease;
        }
        var parsed = SymmetricCiphertext.TryReadHeader(blob.Span) ?? throw InvalidCiphertext();
        var arn = new KeyArn(parsed.AccountId, ctx.Region, parsed.KeyId);
        var found = await access.Catalog.TryGetAsync(arn, ct) ?? throw new KmsException(KmsErrorCode.AccessDeniedException,
            "The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.");
        try
        {
            await access.AuthorizeAsync(ctx, action, found.Key, SameKey(details, found.Key.Arn, reEncryptDestination), ct);
            return found;
        }
        catch
        {
            found.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The condition keys and grant inputs of a cryptographic request. The encryption context's keys are built only if
    /// a policy asks for one (a key name per pair, a string each).
    /// </summary>
    private static AccessDetails Details(IReadOnlyDictionary<string, string>? context, string? algorithm, IReadOnlyList<string>? grantTokens)
    {
        var conditions = new Authorization.Policies.ConditionValues().Set("kms:EncryptionAlgorithm", algorithm ?? SymmetricDefault);
        if (context is not null)
        {
            conditions.AddMissingLater(() => new Authorization.Policies.ConditionValues().WithEncryptionContext(context));
        }
        return new AccessDetails(conditions, context ?? EncryptionContext.Empty, grantTokens);
    }

    /// <summary>Adds kms:ReEncryptOnSameKey once both ends of a ReEncrypt are known.</summary>
    private static AccessDetails SameKey(AccessDetails details, KeyArn? source, KeyArn? destination, KeyArn? keyId = null)
    {
        var from = source ?? keyId;
        if (destination is null || from is null)
        {
            return details;
        }
        details.Conditions!.Set("kms:ReEncryptOnSameKey", from == destination);
        return details;
    }

    private static Encrypted EncryptWith(KeyLease lease, ReadOnlySpan<byte> plaintext, byte[] aad, string? algorithm = null)
    {
        var key = lease.Key;
        if (!key.IsSymmetricEncryption)
        {
            return new Encrypted(key, lease.Live.Asymmetric().Encrypt(Enum.Parse<EncryptionAlgorithm>(algorithm!), plaintext), null);
        }
        var materialId = key.CurrentMaterialId!;
        var material = lease.Live.DataKeyDeriver(materialId)!;
        var blob = SymmetricCiphertext.Encrypt(material, key.Arn.AccountId, key.KeyId, materialId, plaintext, aad, SystemRandomSource.Instance);
        return new Encrypted(key, blob, materialId);
    }

    private static Decrypted DecryptWith(KeyLease lease, ReadOnlySpan<byte> blob, byte[] aad, string? algorithm = null)
    {
        if (!lease.Key.IsSymmetricEncryption)
        {
            var plain = lease.Live.Asymmetric().Decrypt(Enum.Parse<EncryptionAlgorithm>(algorithm!), blob) ?? throw InvalidCiphertext();
            return new Decrypted(lease.Key, plain, null);
        }
        var header = SymmetricCiphertext.TryReadHeader(blob) ?? throw InvalidCiphertext();
        var material = lease.Live.DataKeyDeriver(header.MaterialId) ?? throw InvalidCiphertext();
        var plaintext = SymmetricCiphertext.TryDecrypt(blob, header, material, aad) ?? throw InvalidCiphertext();
        return new Decrypted(lease.Key, plaintext, header.MaterialId);
    }

    private static void RequireEncryptionKey(KmsKey key, string operation, string? algorithm, IReadOnlyDictionary<string, string>? context)
    {
        KeyStateRules.RequireUsable(key);
        if (key.KeyUsage != KeyUsage.ENCRYPT_DECRYPT)
        {
            throw new KmsException(KmsErrorCode.InvalidKeyUsageException,
                $"{key.Arn} key usage is {key.KeyUsage} which is not valid for {operation}.");
        }
        var algorithms = KeySpecTable.For(key.KeySpec).EncryptionAlgorithms;
        var effective = algorithm ?? SymmetricDefault;
        if (!algorithms.Contains(effective))
        {
            throw new KmsException(KmsErrorCode.InvalidKeyUsageException,
                $"Algorithm {effective} is incompatible with key spec {key.KeySpec}.");
        }
        if (!key.IsSymmetricEncryption && context is { Count: > 0 })
        {
            // The encryption context is authenticated data of Trent's symmetric format; public-key schemes have none [U text].
            throw KmsException.Validation($"EncryptionContext is not supported for asymmetric KMS keys ({key.KeySpec}).");
        }
    }

    private static void RequireSymmetricEncryptionKey(KmsKey key, string operation)
    {
        KeyStateRules.RequireUsable(key);
        if (!key.IsSymmetricEncryption)
        {
            throw new KmsException(KmsErrorCode.InvalidKeyUsageException,
                $"{key.Arn} key usage is {key.KeyUsage} and key spec is {key.KeySpec}, which is not valid for {operation}.");
        }
    }

    private static byte[] CanonicalContext(IReadOnlyDictionary<string, string>? context)
    {
        var aad = EncryptionContext.Canonicalize(context);
        if (aad.Length > EncryptionContext.MaxCanonicalBytes)
        {
            throw KmsException.Validation(
                $"The encryption context exceeds the maximum size of {EncryptionContext.MaxCanonicalBytes} bytes.");
        }
        return aad;
    }

    private static void ThrowIfDryRun(bool dryRun)
    {
        if (dryRun)
        {
            throw DryRunSucceeded();
        }
    }

    internal static KmsException DryRunSucceeded() =>
        new(KmsErrorCode.DryRunOperationException, "The request would have succeeded, but the DryRun option is set.");

    // The model makes CiphertextBlob optional (DryRun with IGNORE_CIPHERTEXT), so its absence is a business rule, worded
    // like GenerateRandom's "NumberOfBytes is required." rather than as a model constraint.
    private static KmsException CiphertextRequired() => KmsException.Validation("CiphertextBlob is required.");

    private static KmsException InvalidCiphertext() => new(KmsErrorCode.InvalidCiphertextException);
}
