using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record DeleteAliasRequest(string AliasName);

/// <summary>AWS KMS DeleteAlias.</summary>
public sealed class DeleteAlias(AliasService aliases) : KmsOperation<DeleteAliasRequest, NoOutput>
{
    protected override JsonTypeInfo<DeleteAliasRequest> RequestType => KmsJson.Default.DeleteAliasRequest;
    protected override JsonTypeInfo<NoOutput>? ResponseType => null;

    protected override async ValueTask<NoOutput?> ExecuteAsync(DeleteAliasRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        await aliases.DeleteAliasAsync(ctx, r.AliasName, ct);
        return null;
    }
}
