using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Harness;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Crypto;

public sealed class GenerateRandomTests
{
    [Fact]
    public async Task GenerateRandom_returns_exactly_the_asked_number_of_fresh_bytes()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();

        foreach (var count in new[] { 1, 32, 1024 })
        {
            var random = await kms.GenerateRandomAsync(new GenerateRandomRequest { NumberOfBytes = count });
            Assert.Equal(count, random.Plaintext.Length);
        }
        var a = (await kms.GenerateRandomAsync(new GenerateRandomRequest { NumberOfBytes = 32 })).Plaintext.ToArray();
        var b = (await kms.GenerateRandomAsync(new GenerateRandomRequest { NumberOfBytes = 32 })).Plaintext.ToArray();
        Assert.NotEqual(a, b);
    }

    [Fact]
    public async Task GenerateRandom_without_NumberOfBytes_returns_ValidationException()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();

        await ValidationAsync("NumberOfBytes is required.", () => kms.GenerateRandomAsync(new GenerateRandomRequest()));
    }

    [Fact]
    public async Task GenerateRandom_out_of_range_returns_the_model_ValidationException()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();

        await ValidationAsync(
            "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024",
            () => kms.GenerateRandomAsync(new GenerateRandomRequest { NumberOfBytes = Unchecked(1025) }));
        await ValidationAsync(
            "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1",
            () => kms.GenerateRandomAsync(new GenerateRandomRequest { NumberOfBytes = Unchecked(0) }));
    }

    [Fact]
    public async Task GenerateRandom_in_a_custom_key_store_returns_CustomKeyStoreNotFoundException()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();

        await ThrowsAsync<CustomKeyStoreNotFoundException>("CustomKeyStoreNotFoundException", "Custom key store cks-1234567890abcdef0 does not exist.",
            () => kms.GenerateRandomAsync(new GenerateRandomRequest { NumberOfBytes = 32, CustomKeyStoreId = "cks-1234567890abcdef0" }));
    }
}
