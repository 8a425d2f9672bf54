using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Crypto;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record GetPublicKeyRequest(string KeyId, List<string>? GrantTokens);

public sealed record GetPublicKeyResponse
{
    public required string KeyId { get; init; }
    public required byte[] PublicKey { get; init; }
    public string? CustomerMasterKeySpec { get; init; }
    public required string KeySpec { get; init; }
    public required string KeyUsage { get; init; }
    public IReadOnlyList<string>? EncryptionAlgorithms { get; init; }
    public IReadOnlyList<string>? SigningAlgorithms { get; init; }
    public IReadOnlyList<string>? KeyAgreementAlgorithms { get; init; }
}

/// <summary>AWS KMS GetPublicKey.</summary>
public sealed class GetPublicKey(AsymmetricCrypto crypto) : KmsOperation<GetPublicKeyRequest, GetPublicKeyResponse>
{
    protected override JsonTypeInfo<GetPublicKeyRequest> RequestType => KmsJson.Default.GetPublicKeyRequest;
    protected override JsonTypeInfo<GetPublicKeyResponse> ResponseType => KmsJson.Default.GetPublicKeyResponse;

    protected override async ValueTask<GetPublicKeyResponse?> ExecuteAsync(GetPublicKeyRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        var info = await crypto.GetPublicKeyAsync(ctx, r.KeyId, r.GrantTokens, ct);
        var key = info.Key;
        var (encryption, signing, _, agreement) = KeySpecTable.AlgorithmsFor(key.KeySpec, key.KeyUsage);
        return new GetPublicKeyResponse
        {
            KeyId = key.Arn.ToString(),
            PublicKey = info.PublicKey,
            CustomerMasterKeySpec = KeyMetadataMapper.CustomerMasterKeySpec(key.KeySpec),
            KeySpec = key.KeySpec.ToString(),
            KeyUsage = key.KeyUsage.ToString(),
            EncryptionAlgorithms = encryption.Count == 0 ? null : encryption,
            SigningAlgorithms = signing.Count == 0 ? null : signing,
            KeyAgreementAlgorithms = agreement.Count == 0 ? null : agreement,
        };
    }
}
