using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record CreateAliasRequest(string AliasName, string TargetKeyId);

/// <summary>AWS KMS CreateAlias.</summary>
public sealed class CreateAlias(AliasService aliases) : KmsOperation<CreateAliasRequest, NoOutput>
{
    protected override JsonTypeInfo<CreateAliasRequest> RequestType => KmsJson.Default.CreateAliasRequest;
    protected override JsonTypeInfo<NoOutput>? ResponseType => null;

    protected override async ValueTask<NoOutput?> ExecuteAsync(CreateAliasRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        await aliases.CreateAliasAsync(ctx, r.AliasName, r.TargetKeyId, ct);
        return null;
    }
}
