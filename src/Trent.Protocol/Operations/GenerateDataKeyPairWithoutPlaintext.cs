using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Crypto;
using Trent.Core.Crypto.Asymmetric;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record GenerateDataKeyPairWithoutPlaintextRequest(
    Dictionary<string, string>? EncryptionContext, string KeyId, string KeyPairSpec, List<string>? GrantTokens, bool? DryRun);

public sealed record GenerateDataKeyPairWithoutPlaintextResponse(
    byte[] PrivateKeyCiphertextBlob, byte[] PublicKey, string KeyId, string KeyPairSpec, string KeyMaterialId);

/// <summary>AWS KMS GenerateDataKeyPairWithoutPlaintext.</summary>
public sealed class GenerateDataKeyPairWithoutPlaintext(AsymmetricCrypto crypto)
    : KmsOperation<GenerateDataKeyPairWithoutPlaintextRequest, GenerateDataKeyPairWithoutPlaintextResponse>
{
    protected override JsonTypeInfo<GenerateDataKeyPairWithoutPlaintextRequest> RequestType => KmsJson.Default.GenerateDataKeyPairWithoutPlaintextRequest;
    protected override JsonTypeInfo<GenerateDataKeyPairWithoutPlaintextResponse> ResponseType => KmsJson.Default.GenerateDataKeyPairWithoutPlaintextResponse;

    protected override async ValueTask<GenerateDataKeyPairWithoutPlaintextResponse?> ExecuteAsync(
        GenerateDataKeyPairWithoutPlaintextRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        var pair = await crypto.GenerateDataKeyPairAsync(ctx, r.KeyId, WireEnum<DataKeyPairSpec>.Parse(r.KeyPairSpec), r.EncryptionContext,
            r.GrantTokens, r.DryRun ?? false, Name, ct);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(pair.PrivateKeyPlaintext);
        return new GenerateDataKeyPairWithoutPlaintextResponse(pair.PrivateKeyCiphertextBlob, pair.PublicKey, pair.Key.Arn.ToString(), r.KeyPairSpec, pair.MaterialId);
    }
}
