using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Crypto;
using Trent.Core.Crypto.Asymmetric;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record GenerateDataKeyPairRequest(
    Dictionary<string, string>? EncryptionContext, string KeyId, string KeyPairSpec, List<string>? GrantTokens, RecipientInfo? Recipient, bool? DryRun);

public sealed record GenerateDataKeyPairResponse(
    byte[] PrivateKeyCiphertextBlob, byte[] PrivateKeyPlaintext, byte[] PublicKey, string KeyId, string KeyPairSpec, string KeyMaterialId)
    : ISensitiveResponse
{
    public void Clear() => System.Security.Cryptography.CryptographicOperations.ZeroMemory(PrivateKeyPlaintext);
}

/// <summary>AWS KMS GenerateDataKeyPair.</summary>
public sealed class GenerateDataKeyPair(AsymmetricCrypto crypto) : KmsOperation<GenerateDataKeyPairRequest, GenerateDataKeyPairResponse>
{
    protected override JsonTypeInfo<GenerateDataKeyPairRequest> RequestType => KmsJson.Default.GenerateDataKeyPairRequest;
    protected override JsonTypeInfo<GenerateDataKeyPairResponse> ResponseType => KmsJson.Default.GenerateDataKeyPairResponse;

    protected override async ValueTask<GenerateDataKeyPairResponse?> ExecuteAsync(GenerateDataKeyPairRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        Recipients.RejectIfPresent(r.Recipient);
        var pair = await crypto.GenerateDataKeyPairAsync(ctx, r.KeyId, WireEnum<DataKeyPairSpec>.Parse(r.KeyPairSpec), r.EncryptionContext,
            r.GrantTokens, r.DryRun ?? false, Name, ct);
        return new GenerateDataKeyPairResponse(
            pair.PrivateKeyCiphertextBlob, pair.PrivateKeyPlaintext, pair.PublicKey, pair.Key.Arn.ToString(), r.KeyPairSpec, pair.MaterialId);
    }
}
