using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Crypto;
using Trent.Core.Crypto.Asymmetric;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record GenerateMacRequest(byte[] Message, string KeyId, string MacAlgorithm, List<string>? GrantTokens, bool? DryRun);

public sealed record GenerateMacResponse(byte[] Mac, string MacAlgorithm, string KeyId);

/// <summary>AWS KMS GenerateMac.</summary>
public sealed class GenerateMac(AsymmetricCrypto crypto) : KmsOperation<GenerateMacRequest, GenerateMacResponse>
{
    protected override JsonTypeInfo<GenerateMacRequest> RequestType => KmsJson.Default.GenerateMacRequest;
    protected override JsonTypeInfo<GenerateMacResponse> ResponseType => KmsJson.Default.GenerateMacResponse;

    protected override async ValueTask<GenerateMacResponse?> ExecuteAsync(GenerateMacRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        var (key, mac) = await crypto.GenerateMacAsync(ctx, r.KeyId, r.Message, WireEnum<MacAlgorithm>.Parse(r.MacAlgorithm),
            r.GrantTokens, r.DryRun ?? false, ct);
        return new GenerateMacResponse(mac, r.MacAlgorithm, key.Arn.ToString());
    }
}
