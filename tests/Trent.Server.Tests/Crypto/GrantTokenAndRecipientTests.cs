using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Harness;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Crypto;

public sealed class GrantTokenAndRecipientTests
{
    [Theory]
    [MemberData(nameof(CryptoScenario.Operations), MemberType = typeof(CryptoScenario))]
    public async Task A_grant_token_returns_InvalidGrantTokenException_while_grants_do_not_exist(string operation)
    {
        await using var server = await TrentServer.StartAsync();
        var scenario = await CryptoScenario.CreateAsync(server.Kms());

        await ThrowsAsync<InvalidGrantTokenException>("InvalidGrantTokenException", "The grant token is not valid.",
            () => scenario.RunAsync(operation, grantTokens: ["AQpAM2RhZTk1MGMyNTk2ZmZmMzEyYWVhOWViN2I1MWM4Mzc0MWFiYjc0ZDE1ODkyNGFlNTIzODZhMzgyZjBlNGY3NiKIAgEBAgB4Pa6VDCWW"]));
    }

    [Theory]
    [MemberData(nameof(CryptoScenario.Operations), MemberType = typeof(CryptoScenario))]
    public async Task More_than_ten_grant_tokens_return_the_model_ValidationException(string operation)
    {
        await using var server = await TrentServer.StartAsync();
        var scenario = await CryptoScenario.CreateAsync(server.Kms());
        var tokens = Enumerable.Range(1, 11).Select(i => $"t{i}").ToList();

        await ValidationAsync(
            "1 validation error detected: Value '[t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11]' at 'grantTokens' failed to satisfy constraint: " +
            "Member must have length less than or equal to 10",
            () => scenario.RunAsync(operation, grantTokens: tokens));
    }

    [Fact]
    public async Task A_Recipient_returns_UnsupportedOperationException_because_attestation_is_not_verified()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var blob = await kms.EncryptAsync(key.KeyId, "for an enclave");
        const string Message = "Trent does not verify Nitro Enclaves attestation documents, so the Recipient parameter is not supported.";
        RecipientInfo Recipient() => new() { KeyEncryptionAlgorithm = "RSAES_OAEP_SHA_256", AttestationDocument = Stream(RandomBytes(256)) };

        // Decrypt and GenerateDataKey do not model UnsupportedOperationException, so the SDK raises its base type.
        await ThrowsAsync<AmazonKeyManagementServiceException>("UnsupportedOperationException", Message,
            () => kms.DecryptAsync(new DecryptRequest { CiphertextBlob = Copy(blob), Recipient = Recipient() }));
        await ThrowsAsync<AmazonKeyManagementServiceException>("UnsupportedOperationException", Message,
            () => kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId, KeySpec = "AES_256", Recipient = Recipient() }));
        await ThrowsAsync<UnsupportedOperationException>("UnsupportedOperationException", Message,
            () => kms.GenerateRandomAsync(new GenerateRandomRequest { NumberOfBytes = 32, Recipient = Recipient() }));
    }
}
