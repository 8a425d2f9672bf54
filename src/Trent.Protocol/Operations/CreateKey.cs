using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record CreateKeyRequest(
    string? Policy,
    string? Description,
    string? KeyUsage,
    string? CustomerMasterKeySpec,
    string? KeySpec,
    string? Origin,
    string? CustomKeyStoreId,
    bool? BypassPolicyLockoutSafetyCheck,
    List<Tag>? Tags,
    bool? MultiRegion,
    string? XksKeyId);

public sealed record CreateKeyResponse(KeyMetadata KeyMetadata);

/// <summary>AWS KMS CreateKey.</summary>
public sealed class CreateKey(KeyLifecycle lifecycle) : KmsOperation<CreateKeyRequest, CreateKeyResponse>
{
    protected override JsonTypeInfo<CreateKeyRequest> RequestType => KmsJson.Default.CreateKeyRequest;
    protected override JsonTypeInfo<CreateKeyResponse> ResponseType => KmsJson.Default.CreateKeyResponse;

    protected override async ValueTask<CreateKeyResponse?> ExecuteAsync(CreateKeyRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        if (r.KeySpec is not null && r.CustomerMasterKeySpec is not null && r.KeySpec != r.CustomerMasterKeySpec)
        {
            throw KmsException.Validation("You cannot specify KeySpec and CustomerMasterKeySpec with different values.");
        }
        var spec = WireEnum<KeySpec>.ParseOrNull(r.KeySpec ?? r.CustomerMasterKeySpec) ?? Core.Keys.KeySpec.SYMMETRIC_DEFAULT;
        var key = await lifecycle.CreateKeyAsync(ctx, new Core.Keys.CreateKeyRequest(
            r.Policy,
            r.Description ?? "",
            spec,
            WireEnum<KeyUsage>.ParseOrNull(r.KeyUsage),
            WireEnum<KeyOrigin>.ParseOrNull(r.Origin) ?? KeyOrigin.AWS_KMS,
            r.CustomKeyStoreId,
            r.XksKeyId,
            r.BypassPolicyLockoutSafetyCheck ?? false,
            r.Tags?.Select(t => new KeyTag(t.TagKey, t.TagValue)).ToList() ?? [],
            r.MultiRegion ?? false), ct);
        return new CreateKeyResponse(KeyMetadataMapper.ToWire(key));
    }
}
