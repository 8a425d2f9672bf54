using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Crypto;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record DecryptRequest(
    byte[]? CiphertextBlob, Dictionary<string, string>? EncryptionContext, List<string>? GrantTokens, string? KeyId,
    string? EncryptionAlgorithm, RecipientInfo? Recipient, bool? DryRun, List<string>? DryRunModifiers);

public sealed record DecryptResponse(string KeyId, byte[] Plaintext, string EncryptionAlgorithm, string? KeyMaterialId) : ISensitiveResponse
{
    public void Clear() => System.Security.Cryptography.CryptographicOperations.ZeroMemory(Plaintext);
}

/// <summary>AWS KMS Decrypt.</summary>
public sealed class Decrypt(SymmetricCrypto crypto) : KmsOperation<DecryptRequest, DecryptResponse>
{
    protected override JsonTypeInfo<DecryptRequest> RequestType => KmsJson.Default.DecryptRequest;
    protected override JsonTypeInfo<DecryptResponse> ResponseType => KmsJson.Default.DecryptResponse;

    protected override async ValueTask<DecryptResponse?> ExecuteAsync(DecryptRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        Recipients.RejectIfPresent(r.Recipient);
        var ignoreCiphertext = r.DryRunModifiers?.Contains("IGNORE_CIPHERTEXT") ?? false;
        var result = await crypto.DecryptAsync(ctx, Blob(r.CiphertextBlob), r.EncryptionContext, r.KeyId, r.EncryptionAlgorithm,
            r.GrantTokens, r.DryRun ?? false, ignoreCiphertext, ct);
        return new DecryptResponse(result.Key.Arn.ToString(), result.Plaintext, r.EncryptionAlgorithm ?? SymmetricCrypto.SymmetricDefault, result.MaterialId);
    }

    // An absent blob must stay absent: the implicit byte[] -> ReadOnlyMemory conversion turns null (even a null
    // literal) into an empty memory, which would be read as a malformed ciphertext.
    private static ReadOnlyMemory<byte>? Blob(byte[]? blob) => blob is null ? default(ReadOnlyMemory<byte>?) : new ReadOnlyMemory<byte>(blob);
}
