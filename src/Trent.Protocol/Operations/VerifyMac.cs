using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Crypto;
using Trent.Core.Crypto.Asymmetric;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record VerifyMacRequest(byte[] Message, string KeyId, string MacAlgorithm, byte[] Mac, List<string>? GrantTokens, bool? DryRun);

public sealed record VerifyMacResponse(string KeyId, bool MacValid, string MacAlgorithm);

/// <summary>AWS KMS VerifyMac.</summary>
public sealed class VerifyMac(AsymmetricCrypto crypto) : KmsOperation<VerifyMacRequest, VerifyMacResponse>
{
    protected override JsonTypeInfo<VerifyMacRequest> RequestType => KmsJson.Default.VerifyMacRequest;
    protected override JsonTypeInfo<VerifyMacResponse> ResponseType => KmsJson.Default.VerifyMacResponse;

    protected override async ValueTask<VerifyMacResponse?> ExecuteAsync(VerifyMacRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        var key = await crypto.VerifyMacAsync(ctx, r.KeyId, r.Message, WireEnum<MacAlgorithm>.Parse(r.MacAlgorithm), r.Mac,
            r.GrantTokens, r.DryRun ?? false, ct);
        return new VerifyMacResponse(key.Arn.ToString(), true, r.MacAlgorithm);
    }
}
