using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Crypto;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record GenerateRandomRequest(int? NumberOfBytes, string? CustomKeyStoreId, RecipientInfo? Recipient);

public sealed record GenerateRandomResponse(byte[] Plaintext) : ISensitiveResponse
{
    public void Clear() => System.Security.Cryptography.CryptographicOperations.ZeroMemory(Plaintext);
}

/// <summary>AWS KMS GenerateRandom.</summary>
public sealed class GenerateRandom(SymmetricCrypto crypto) : KmsOperation<GenerateRandomRequest, GenerateRandomResponse>
{
    protected override JsonTypeInfo<GenerateRandomRequest> RequestType => KmsJson.Default.GenerateRandomRequest;
    protected override JsonTypeInfo<GenerateRandomResponse> ResponseType => KmsJson.Default.GenerateRandomResponse;

    protected override async ValueTask<GenerateRandomResponse?> ExecuteAsync(GenerateRandomRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        if (r.NumberOfBytes is not { } n)
        {
            throw KmsException.Validation("NumberOfBytes is required.");
        }
        if (r.CustomKeyStoreId is not null)
        {
            throw new KmsException(KmsErrorCode.CustomKeyStoreNotFoundException, $"Custom key store {r.CustomKeyStoreId} does not exist.");
        }
        Recipients.RejectIfPresent(r.Recipient);
        return new GenerateRandomResponse(await crypto.GenerateRandomAsync(ctx, n, ct));
    }
}
