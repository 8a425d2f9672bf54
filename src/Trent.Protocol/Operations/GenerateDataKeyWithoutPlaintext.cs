using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Crypto;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record GenerateDataKeyWithoutPlaintextRequest(
    string KeyId, Dictionary<string, string>? EncryptionContext, string? KeySpec, int? NumberOfBytes, List<string>? GrantTokens, bool? DryRun);

public sealed record GenerateDataKeyWithoutPlaintextResponse(byte[] CiphertextBlob, string KeyId, string KeyMaterialId);

/// <summary>AWS KMS GenerateDataKeyWithoutPlaintext.</summary>
public sealed class GenerateDataKeyWithoutPlaintext(SymmetricCrypto crypto)
    : KmsOperation<GenerateDataKeyWithoutPlaintextRequest, GenerateDataKeyWithoutPlaintextResponse>
{
    protected override JsonTypeInfo<GenerateDataKeyWithoutPlaintextRequest> RequestType => KmsJson.Default.GenerateDataKeyWithoutPlaintextRequest;
    protected override JsonTypeInfo<GenerateDataKeyWithoutPlaintextResponse> ResponseType => KmsJson.Default.GenerateDataKeyWithoutPlaintextResponse;

    protected override async ValueTask<GenerateDataKeyWithoutPlaintextResponse?> ExecuteAsync(
        GenerateDataKeyWithoutPlaintextRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        var size = DataKeySize.Of(r.KeySpec, r.NumberOfBytes);
        var key = await crypto.GenerateDataKeyAsync(ctx, r.KeyId, size, r.EncryptionContext, r.GrantTokens, r.DryRun ?? false, Name, ct);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(key.Plaintext);
        return new GenerateDataKeyWithoutPlaintextResponse(key.CiphertextBlob, key.Key.Arn.ToString(), key.MaterialId);
    }
}
