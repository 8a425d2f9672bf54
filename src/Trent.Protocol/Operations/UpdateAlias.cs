using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record UpdateAliasRequest(string AliasName, string TargetKeyId);

/// <summary>AWS KMS UpdateAlias.</summary>
public sealed class UpdateAlias(AliasService aliases) : KmsOperation<UpdateAliasRequest, NoOutput>
{
    protected override JsonTypeInfo<UpdateAliasRequest> RequestType => KmsJson.Default.UpdateAliasRequest;
    protected override JsonTypeInfo<NoOutput>? ResponseType => null;

    protected override async ValueTask<NoOutput?> ExecuteAsync(UpdateAliasRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        await aliases.UpdateAliasAsync(ctx, r.AliasName, r.TargetKeyId, ct);
        return null;
    }
}
