using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Crypto;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record EncryptRequest(
    string KeyId, byte[] Plaintext, Dictionary<string, string>? EncryptionContext, List<string>? GrantTokens,
    string? EncryptionAlgorithm, bool? DryRun);

public sealed record EncryptResponse(byte[] CiphertextBlob, string KeyId, string EncryptionAlgorithm);

/// <summary>AWS KMS Encrypt.</summary>
public sealed class Encrypt(SymmetricCrypto crypto) : KmsOperation<EncryptRequest, EncryptResponse>
{
    protected override JsonTypeInfo<EncryptRequest> RequestType => KmsJson.Default.EncryptRequest;
    protected override JsonTypeInfo<EncryptResponse> ResponseType => KmsJson.Default.EncryptResponse;

    protected override async ValueTask<EncryptResponse?> ExecuteAsync(EncryptRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        try
        {
            var result = await crypto.EncryptAsync(ctx, r.KeyId, r.Plaintext, r.EncryptionContext, r.EncryptionAlgorithm, r.GrantTokens, r.DryRun ?? false, ct);
            return new EncryptResponse(result.CiphertextBlob, result.Key.Arn.ToString(), r.EncryptionAlgorithm ?? SymmetricCrypto.SymmetricDefault);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(r.Plaintext);
        }
    }
}
