using System.Text.Json.Serialization.Metadata;
using Trent.Core;
using Trent.Core.Crypto;
using Trent.Core.Keys;
using Trent.Protocol.Dispatch;
using Trent.Protocol.Wire;

namespace Trent.Protocol.Operations;

public sealed record GenerateDataKeyRequest(
    string KeyId, Dictionary<string, string>? EncryptionContext, int? NumberOfBytes, string? KeySpec, List<string>? GrantTokens,
    RecipientInfo? Recipient, bool? DryRun);

public sealed record GenerateDataKeyResponse(byte[] CiphertextBlob, byte[] Plaintext, string KeyId, string KeyMaterialId) : ISensitiveResponse
{
    public void Clear() => System.Security.Cryptography.CryptographicOperations.ZeroMemory(Plaintext);
}

/// <summary>AWS KMS GenerateDataKey.</summary>
public sealed class GenerateDataKey(SymmetricCrypto crypto) : KmsOperation<GenerateDataKeyRequest, GenerateDataKeyResponse>
{
    protected override JsonTypeInfo<GenerateDataKeyRequest> RequestType => KmsJson.Default.GenerateDataKeyRequest;
    protected override JsonTypeInfo<GenerateDataKeyResponse> ResponseType => KmsJson.Default.GenerateDataKeyResponse;

    protected override async ValueTask<GenerateDataKeyResponse?> ExecuteAsync(GenerateDataKeyRequest r, KmsRequestContext ctx, CancellationToken ct)
    {
        Recipients.RejectIfPresent(r.Recipient);
        var size = DataKeySize.Of(r.KeySpec, r.NumberOfBytes);
        var key = await crypto.GenerateDataKeyAsync(ctx, r.KeyId, size, r.EncryptionContext, r.GrantTokens, r.DryRun ?? false, Name, ct);
        return new GenerateDataKeyResponse(key.CiphertextBlob, key.Plaintext, key.Key.Arn.ToString(), key.MaterialId);
    }
}

/// <summary>The size of a data key: KeySpec or NumberOfBytes, exactly one of them.</summary>
public static class DataKeySize
{
    public static int Of(string? keySpec, int? numberOfBytes)
    {
        if ((keySpec is null) == (numberOfBytes is null))
        {
            throw KmsException.Validation("Please specify either number of bytes or key spec.");
        }
        return numberOfBytes ?? WireEnum<DataKeySpec>.Parse(keySpec!) switch
        {
            DataKeySpec.AES_128 => 16,
            _ => 32,
        };
    }
}
