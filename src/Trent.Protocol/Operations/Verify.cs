using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Crypto;
using Trent.Core.Crypto.Asymmetric;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record VerifyRequest(
    string KeyId, byte[] Message, string? MessageType, byte[] Signature, string SigningAlgorithm, List<string>? GrantTokens, bool? DryRun);

public sealed record VerifyResponse(string KeyId, bool SignatureValid, string SigningAlgorithm);

/// <summary>AWS KMS Verify.</summary>
public sealed class Verify(AsymmetricCrypto crypto) : KmsOperation<VerifyRequest, VerifyResponse>
{
    protected override JsonTypeInfo<VerifyRequest> RequestType => KmsJson.Default.VerifyRequest;
    protected override JsonTypeInfo<VerifyResponse> ResponseType => KmsJson.Default.VerifyResponse;

    protected override async ValueTask<VerifyResponse?> ExecuteAsync(VerifyRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        var key = await crypto.VerifyAsync(ctx, r.KeyId, r.Message, WireEnum<MessageType>.ParseOrNull(r.MessageType) ?? MessageType.RAW,
            r.Signature, WireEnum<SigningAlgorithm>.Parse(r.SigningAlgorithm), r.GrantTokens, r.DryRun ?? false, ct);
        return new VerifyResponse(key.Arn.ToString(), true, r.SigningAlgorithm);
    }
}
