using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Crypto;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record ReEncryptRequest(
    byte[]? CiphertextBlob, Dictionary<string, string>? SourceEncryptionContext, string? SourceKeyId, string DestinationKeyId,
    Dictionary<string, string>? DestinationEncryptionContext, string? SourceEncryptionAlgorithm, string? DestinationEncryptionAlgorithm,
    List<string>? GrantTokens, bool? DryRun, List<string>? DryRunModifiers);

public sealed record ReEncryptResponse(
    byte[] CiphertextBlob, string SourceKeyId, string KeyId, string SourceEncryptionAlgorithm, string DestinationEncryptionAlgorithm,
    string? SourceKeyMaterialId, string? DestinationKeyMaterialId);

/// <summary>AWS KMS ReEncrypt.</summary>
public sealed class ReEncrypt(SymmetricCrypto crypto) : KmsOperation<ReEncryptRequest, ReEncryptResponse>
{
    protected override JsonTypeInfo<ReEncryptRequest> RequestType => KmsJson.Default.ReEncryptRequest;
    protected override JsonTypeInfo<ReEncryptResponse> ResponseType => KmsJson.Default.ReEncryptResponse;

    protected override async ValueTask<ReEncryptResponse?> ExecuteAsync(ReEncryptRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        var ignoreCiphertext = r.DryRunModifiers?.Contains("IGNORE_CIPHERTEXT") ?? false;
        var (source, destination) = await crypto.ReEncryptAsync(ctx, Blob(r.CiphertextBlob), r.SourceEncryptionContext, r.SourceKeyId,
            r.DestinationKeyId, r.DestinationEncryptionContext, r.SourceEncryptionAlgorithm, r.DestinationEncryptionAlgorithm,
            r.GrantTokens, r.DryRun ?? false, ignoreCiphertext, ct);
        return new ReEncryptResponse(
            destination.CiphertextBlob,
            source.Key.Arn.ToString(),
            destination.Key.Arn.ToString(),
            r.SourceEncryptionAlgorithm ?? SymmetricCrypto.SymmetricDefault,
            r.DestinationEncryptionAlgorithm ?? SymmetricCrypto.SymmetricDefault,
            source.MaterialId,
            destination.MaterialId);
    }

    // An absent blob must stay absent: the implicit byte[] -> ReadOnlyMemory conversion turns null (even a null
    // literal) into an empty memory, which would be read as a malformed ciphertext.
    private static ReadOnlyMemory<byte>? Blob(byte[]? blob) => blob is null ? default(ReadOnlyMemory<byte>?) : new ReadOnlyMemory<byte>(blob);
}
