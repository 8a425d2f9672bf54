using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Crypto;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record DeriveSharedSecretRequest(
    string KeyId, string KeyAgreementAlgorithm, byte[] PublicKey, List<string>? GrantTokens, bool? DryRun, RecipientInfo? Recipient);

public sealed record DeriveSharedSecretResponse(string KeyId, byte[] SharedSecret, string KeyAgreementAlgorithm, string KeyOrigin) : ISensitiveResponse
{
    public void Clear() => System.Security.Cryptography.CryptographicOperations.ZeroMemory(SharedSecret);
}

/// <summary>AWS KMS DeriveSharedSecret.</summary>
public sealed class DeriveSharedSecret(AsymmetricCrypto crypto) : KmsOperation<DeriveSharedSecretRequest, DeriveSharedSecretResponse>
{
    protected override JsonTypeInfo<DeriveSharedSecretRequest> RequestType => KmsJson.Default.DeriveSharedSecretRequest;
    protected override JsonTypeInfo<DeriveSharedSecretResponse> ResponseType => KmsJson.Default.DeriveSharedSecretResponse;

    protected override async ValueTask<DeriveSharedSecretResponse?> ExecuteAsync(DeriveSharedSecretRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        Recipients.RejectIfPresent(r.Recipient);
        var (key, secret) = await crypto.DeriveSharedSecretAsync(ctx, r.KeyId, r.KeyAgreementAlgorithm, r.PublicKey, r.GrantTokens, r.DryRun ?? false, ct);
        return new DeriveSharedSecretResponse(key.Arn.ToString(), secret, r.KeyAgreementAlgorithm, key.Origin.ToString());
    }
}
