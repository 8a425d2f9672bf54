using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Harness;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Crypto;

public sealed class GenerateDataKeyTests
{
    [Theory]
    [InlineData("AES_128", 16)]
    [InlineData("AES_256", 32)]
    public async Task GenerateDataKey_with_a_KeySpec_returns_a_key_of_its_size_whose_ciphertext_decrypts_to_it(string spec, int size)
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var context = new Dictionary<string, string> { ["bucket"] = "invoices" };

        var dataKey = await kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId, KeySpec = spec, EncryptionContext = context });
        var decrypted = await kms.DecryptAsync(dataKey.CiphertextBlob, context);

        Assert.Equal(size, dataKey.Plaintext.Length);
        Assert.Equal(dataKey.Plaintext.ToArray(), decrypted.Plaintext.ToArray());
        Assert.Equal(key.Arn, dataKey.KeyId);
        Assert.Equal(key.CurrentKeyMaterialId, dataKey.KeyMaterialId);
        Assert.Equal(key.Arn, decrypted.KeyId);
        await InvalidCiphertextAsync(() => kms.DecryptAsync(dataKey.CiphertextBlob));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1024)]
    public async Task GenerateDataKey_with_NumberOfBytes_returns_that_many_bytes(int count)
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();

        var dataKey = await kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.Arn, NumberOfBytes = count });
        var decrypted = await kms.DecryptAsync(dataKey.CiphertextBlob);

        Assert.Equal(count, dataKey.Plaintext.Length);
        Assert.Equal(dataKey.Plaintext.ToArray(), decrypted.Plaintext.ToArray());
    }

    [Theory]
    [MemberData(nameof(KeyForms.All), MemberType = typeof(KeyForms))]
    public async Task GenerateDataKey_accepts_every_key_identifier_form(string form)
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var id = await KeyForms.IdentifierAsync(kms, key, form);

        var dataKey = await kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = id, KeySpec = "AES_256" });

        Assert.Equal(key.Arn, dataKey.KeyId);
        Assert.Equal(dataKey.Plaintext.ToArray(), (await kms.DecryptAsync(dataKey.CiphertextBlob, keyId: id)).Plaintext.ToArray());
    }

    [Fact]
    public async Task Two_data_keys_are_different()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();

        var a = await kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId, KeySpec = "AES_256" });
        var b = await kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId, KeySpec = "AES_256" });

        Assert.NotEqual(a.Plaintext.ToArray(), b.Plaintext.ToArray());
        Assert.NotEqual(a.CiphertextBlob.ToArray(), b.CiphertextBlob.ToArray());
    }

    [Fact]
    public async Task GenerateDataKey_with_neither_or_both_KeySpec_and_NumberOfBytes_returns_ValidationException()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();

        await ValidationAsync("Please specify either number of bytes or key spec.",
            () => kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId }));
        await ValidationAsync("Please specify either number of bytes or key spec.",
            () => kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId, KeySpec = "AES_256", NumberOfBytes = 32 }));
    }

    [Fact]
    public async Task GenerateDataKey_with_NumberOfBytes_out_of_range_returns_the_model_ValidationException()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();

        await ValidationAsync(
            "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024",
            () => kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId, NumberOfBytes = Unchecked(1025) }));
        await ValidationAsync(
            "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1",
            () => kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId, NumberOfBytes = Unchecked(0) }));
    }

    [Fact]
    public async Task GenerateDataKey_with_an_unknown_KeySpec_returns_the_model_ValidationException()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();

        await ValidationAsync(
            "1 validation error detected: Value 'AES_512' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]",
            () => kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId, KeySpec = "AES_512" }));
    }
}
