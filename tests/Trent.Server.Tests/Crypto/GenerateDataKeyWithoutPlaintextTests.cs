using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Harness;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Crypto;

public sealed class GenerateDataKeyWithoutPlaintextTests
{
    [Theory]
    [InlineData("AES_128", null, 16)]
    [InlineData("AES_256", null, 32)]
    [InlineData(null, 1, 1)]
    [InlineData(null, 1024, 1024)]
    public async Task GenerateDataKeyWithoutPlaintext_returns_a_ciphertext_that_decrypts_to_a_key_of_the_asked_size(
        string? spec, int? count, int size)
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var context = new Dictionary<string, string> { ["table"] = "orders" };

        var dataKey = await kms.GenerateDataKeyWithoutPlaintextAsync(new GenerateDataKeyWithoutPlaintextRequest
        {
            KeyId = key.KeyId,
            KeySpec = spec,
            NumberOfBytes = count,
            EncryptionContext = context,
        });
        var decrypted = await kms.DecryptAsync(dataKey.CiphertextBlob, context);

        Assert.Equal(size, decrypted.Plaintext.Length);
        Assert.Equal(key.Arn, dataKey.KeyId);
        Assert.Equal(key.CurrentKeyMaterialId, dataKey.KeyMaterialId);
        await InvalidCiphertextAsync(() => kms.DecryptAsync(dataKey.CiphertextBlob));
    }

    [Theory]
    [MemberData(nameof(KeyForms.All), MemberType = typeof(KeyForms))]
    public async Task GenerateDataKeyWithoutPlaintext_accepts_every_key_identifier_form(string form)
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var id = await KeyForms.IdentifierAsync(kms, key, form);

        var dataKey = await kms.GenerateDataKeyWithoutPlaintextAsync(new GenerateDataKeyWithoutPlaintextRequest { KeyId = id, KeySpec = "AES_256" });

        Assert.Equal(key.Arn, dataKey.KeyId);
        Assert.Equal(32, (await kms.DecryptAsync(dataKey.CiphertextBlob)).Plaintext.Length);
    }

    [Fact]
    public async Task GenerateDataKeyWithoutPlaintext_with_neither_or_both_sizes_returns_ValidationException()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();

        await ValidationAsync("Please specify either number of bytes or key spec.",
            () => kms.GenerateDataKeyWithoutPlaintextAsync(new GenerateDataKeyWithoutPlaintextRequest { KeyId = key.KeyId }));
        await ValidationAsync("Please specify either number of bytes or key spec.",
            () => kms.GenerateDataKeyWithoutPlaintextAsync(new GenerateDataKeyWithoutPlaintextRequest { KeyId = key.KeyId, KeySpec = "AES_128", NumberOfBytes = 16 }));
        await ValidationAsync(
            "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024",
            () => kms.GenerateDataKeyWithoutPlaintextAsync(new GenerateDataKeyWithoutPlaintextRequest { KeyId = key.KeyId, NumberOfBytes = Unchecked(1025) }));
    }
}
