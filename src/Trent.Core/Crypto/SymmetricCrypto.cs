using System.Security.Cryptography;
using Trent.Core.Authorization;
using Trent.Core.Keys;

namespace Trent.Core.Crypto;

/// <summary>The result of an encryption under a KMS key.</summary>
public sealed record Encrypted(KmsKey Key, byte[] CiphertextBlob, string MaterialId);

/// <summary>The result of a decryption: the plaintext belongs to the caller and is zeroed after the response is written.</summary>
public sealed record Decrypted(KmsKey Key, byte[] Plaintext, string MaterialId);

/// <summary>A data key: its plaintext and its ciphertext under the KMS key.</summary>
public sealed record DataKey(KmsKey Key, byte[] Plaintext, byte[] CiphertextBlob, string MaterialId);

/// <summary>The cryptographic operations of symmetric encryption keys: Encrypt, Decrypt, ReEncrypt, data keys, random bytes.</summary>
public sealed class SymmetricCrypto(KeyAccess access, IRandomSource random)
{
    public const string SymmetricDefault = "SYMMETRIC_DEFAULT";

    public async ValueTask<Encrypted> EncryptAsync(
        KmsRequestContext ctx, string keyId, ReadOnlyMemory<byte> plaintext, IReadOnlyDictionary<string, string>? context,
        string? algorithm, IReadOnlyList<string>? grantTokens, bool dryRun, CancellationToken ct = default)
    {
        GrantTokens.Validate(grantTokens);
        using var lease = await access.ReadAsync(ctx, keyId, KeyIdForms.Any, "kms:Encrypt", crossAccount: true, ct);
        var key = lease.Key;
        RequireEncryptionKey(key, "Encrypt", algorithm);
        var aad = CanonicalContext(context);
        ThrowIfDryRun(dryRun);
        return EncryptWith(lease, plaintext.Span, aad);
    }

    public async ValueTask<Decrypted> DecryptAsync(
        KmsRequestContext ctx, ReadOnlyMemory<byte>? ciphertextBlob, IReadOnlyDictionary<string, string>? context, string? keyId,
        string? algorithm, IReadOnlyList<string>? grantTokens, bool dryRun, bool ignoreCiphertext, CancellationToken ct = default)
    {
        GrantTokens.Validate(grantTokens);
        if (dryRun && ignoreCiphertext)
        {
            if (keyId is null)
            {
                throw KmsException.Validation("KeyId is required when DryRunModifiers contains IGNORE_CIPHERTEXT.");
            }
            using var key = await access.ReadAsync(ctx, keyId, KeyIdForms.Any, "kms:Decrypt", crossAccount: true, ct);
            RequireEncryptionKey(key.Key, "Decrypt", algorithm);
            throw DryRunSucceeded();
        }
        if (ciphertextBlob is not { } blob)
        {
            throw CiphertextRequired();
        }
        using var lease = await LeaseForCiphertextAsync(ctx, blob, keyId, "kms:Decrypt", ct);
        RequireEncryptionKey(lease.Key, "Decrypt", algorithm);
        var aad = CanonicalContext(context);
        var decrypted = DecryptWith(lease, blob.Span, aad);
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
        GrantTokens.Validate(grantTokens);
        if (!(dryRun && ignoreCiphertext) && ciphertextBlob is null)
        {
            throw CiphertextRequired();
        }
        if (dryRun && ignoreCiphertext && sourceKeyId is null)
        {
            throw KmsException.Validation("SourceKeyId is required when DryRunModifiers contains IGNORE_CIPHERTEXT.");
        }
        using var source = dryRun && ignoreCiphertext
            ? await access.ReadAsync(ctx, sourceKeyId!, KeyIdForms.Any, "kms:ReEncryptFrom", crossAccount: true, ct)
            : await LeaseForCiphertextAsync(ctx, ciphertextBlob!.Value, sourceKeyId, "kms:ReEncryptFrom", ct);
        using var destination = await access.ReadAsync(ctx, destinationKeyId, KeyIdForms.Any, "kms:ReEncryptTo", crossAccount: true, ct);
        RequireEncryptionKey(source.Key, "ReEncrypt", sourceAlgorithm);
        RequireEncryptionKey(destination.Key, "ReEncrypt", destinationAlgorithm);
        var sourceAad = CanonicalContext(sourceContext);
        var destinationAad = CanonicalContext(destinationContext);
        if (dryRun && ignoreCiphertext)
        {
            throw DryRunSucceeded();
        }
        var decrypted = DecryptWith(source, ciphertextBlob!.Value.Span, sourceAad);
        try
        {
            // A dry run without IGNORE_CIPHERTEXT checks the source ciphertext and its context before it answers.
            ThrowIfDryRun(dryRun);
            return (decrypted, EncryptWith(destination, decrypted.Plaintext, destinationAad));
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
        GrantTokens.Validate(grantTokens);
        using var lease = await access.ReadAsync(ctx, keyId, KeyIdForms.Any, "kms:" + action, crossAccount: true, ct);
        RequireSymmetricEncryptionKey(lease.Key, action);
        var aad = CanonicalContext(context);
        ThrowIfDryRun(dryRun);
        var plaintext = new byte[numberOfBytes];
        random.Fill(plaintext);
        var encrypted = EncryptWith(lease, plaintext, aad);
        return new DataKey(lease.Key, plaintext, encrypted.CiphertextBlob, encrypted.MaterialId);
    }

    public byte[] GenerateRandom(KmsRequestContext ctx, int numberOfBytes)
    {
        access.AuthorizeWithoutResource(ctx, "kms:GenerateRandom");
        var bytes = new byte[numberOfBytes];
        random.Fill(bytes);
        return bytes;
    }

    /// <summary>Finds the key of a ciphertext: the blob names it; a KeyId in the request must name the same key.</summary>
    private async ValueTask<KeyLease> LeaseForCiphertextAsync(KmsRequestContext ctx, ReadOnlyMemory<byte> blob, string? keyId, string action, CancellationToken ct)
    {
        if (keyId is not null)
        {
            var lease = await access.ReadAsync(ctx, keyId, KeyIdForms.Any, action, crossAccount: true, ct);
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
            access.Authorize(ctx, action, found.Key, crossAccount: true);
            return found;
        }
        catch
        {
            found.Dispose();
            throw;
        }
    }

    private static Encrypted EncryptWith(KeyLease lease, ReadOnlySpan<byte> plaintext, byte[] aad)
    {
        var key = lease.Key;
        var materialId = key.CurrentMaterialId!;
        var material = lease.Live.Material(materialId)!;
        var blob = SymmetricCiphertext.Encrypt(material, key.Arn.AccountId, key.KeyId, materialId, plaintext, aad, SystemRandomSource.Instance);
        return new Encrypted(key, blob, materialId);
    }

    private static Decrypted DecryptWith(KeyLease lease, ReadOnlySpan<byte> blob, byte[] aad)
    {
        var header = SymmetricCiphertext.TryReadHeader(blob) ?? throw InvalidCiphertext();
        var material = lease.Live.Material(header.MaterialId) ?? throw InvalidCiphertext();
        var plaintext = SymmetricCiphertext.TryDecrypt(blob, header, material, aad) ?? throw InvalidCiphertext();
        return new Decrypted(lease.Key, plaintext, header.MaterialId);
    }

    private static void RequireEncryptionKey(KmsKey key, string operation, string? algorithm)
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
        if (!key.IsSymmetricEncryption)
        {
            throw new KmsException(KmsErrorCode.UnsupportedOperationException,
                $"{key.Arn} has key spec {key.KeySpec}, which this build cannot use for {operation}.");
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

    private static KmsException DryRunSucceeded() =>
        new(KmsErrorCode.DryRunOperationException, "The request would have succeeded, but the DryRun option is set.");

    // The model makes CiphertextBlob optional (DryRun with IGNORE_CIPHERTEXT), so its absence is a business rule, worded
    // like GenerateRandom's "NumberOfBytes is required." rather than as a model constraint.
    private static KmsException CiphertextRequired() => KmsException.Validation("CiphertextBlob is required.");

    private static KmsException InvalidCiphertext() => new(KmsErrorCode.InvalidCiphertextException);
}
