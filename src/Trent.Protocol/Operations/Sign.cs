using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Crypto;
using Trent.Core.Crypto.Asymmetric;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record SignRequest(
    string KeyId, byte[] Message, string? MessageType, List<string>? GrantTokens, string SigningAlgorithm, bool? DryRun);

public sealed record SignResponse(string KeyId, byte[] Signature, string SigningAlgorithm);

/// <summary>AWS KMS Sign.</summary>
public sealed class Sign(AsymmetricCrypto crypto) : KmsOperation<SignRequest, SignResponse>
{
    protected override JsonTypeInfo<SignRequest> RequestType => KmsJson.Default.SignRequest;
    protected override JsonTypeInfo<SignResponse> ResponseType => KmsJson.Default.SignResponse;

    protected override async ValueTask<SignResponse?> ExecuteAsync(SignRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        var (key, signature) = await crypto.SignAsync(ctx, r.KeyId, r.Message, WireEnum<MessageType>.ParseOrNull(r.MessageType) ?? MessageType.RAW,
            WireEnum<SigningAlgorithm>.Parse(r.SigningAlgorithm), r.GrantTokens, r.DryRun ?? false, ct);
        return new SignResponse(key.Arn.ToString(), signature, r.SigningAlgorithm);
    }
}
