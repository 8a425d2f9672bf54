using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;

namespace Trent.Server.Tests.Crypto;

/// <summary>The four ways a request may name a key: key id, key ARN, alias name and alias ARN.</summary>
public static class KeyForms
{
    public static TheoryData<string> All => new() { "key id", "key ARN", "alias name", "alias ARN" };

    /// <summary>Gives <paramref name="key"/> an alias and returns the identifier of the requested form.</summary>
    public static async Task<string> IdentifierAsync(IAmazonKeyManagementService kms, KeyMetadata key, string form)
    {
        var aliasName = "alias/form-" + key.KeyId[..8];
        if (form.StartsWith("alias", StringComparison.Ordinal))
        {
            await kms.CreateAliasAsync(new CreateAliasRequest { AliasName = aliasName, TargetKeyId = key.KeyId });
        }
        return form switch
        {
            "key id" => key.KeyId,
            "key ARN" => key.Arn,
            "alias name" => aliasName,
            "alias ARN" => $"arn:aws:kms:{TrentServerRegion}:{key.AWSAccountId}:{aliasName}",
            _ => throw new ArgumentOutOfRangeException(nameof(form)),
        };
    }

    private const string TrentServerRegion = Harness.TrentServer.Region;
}
