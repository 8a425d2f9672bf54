using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record DescribeKeyRequest(string KeyId, List<string>? GrantTokens);

public sealed record DescribeKeyResponse(KeyMetadata KeyMetadata);

/// <summary>AWS KMS DescribeKey.</summary>
public sealed class DescribeKey(KeyLifecycle lifecycle) : KmsOperation<DescribeKeyRequest, DescribeKeyResponse>
{
    protected override JsonTypeInfo<DescribeKeyRequest> RequestType => KmsJson.Default.DescribeKeyRequest;
    protected override JsonTypeInfo<DescribeKeyResponse> ResponseType => KmsJson.Default.DescribeKeyResponse;

    protected override async ValueTask<DescribeKeyResponse?> ExecuteAsync(DescribeKeyRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        return new DescribeKeyResponse(KeyMetadataMapper.ToWire(await lifecycle.DescribeKeyAsync(ctx, r.KeyId, r.GrantTokens, ct)));
    }
}
