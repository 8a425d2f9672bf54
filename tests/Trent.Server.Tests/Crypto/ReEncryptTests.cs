using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Harness;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Crypto;

public sealed class ReEncryptTests
{
    [Fact]
    public async Task ReEncrypt_to_another_key_returns_a_ciphertext_of_that_key_and_both_material_ids()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var source = await kms.CreateKeyAsync();
        var destination = await kms.CreateKeyAsync();
        var blob = await kms.EncryptAsync(source.KeyId, "moving house", new() { ["from"] = "a" });

        var moved = await kms.ReEncryptAsync(new ReEncryptRequest
        {
            CiphertextBlob = Copy(blob),
            SourceEncryptionContext = new() { ["from"] = "a" },
            DestinationKeyId = destination.KeyId,
            DestinationEncryptionContext = new() { ["to"] = "b" },
        });
        var decrypted = await kms.DecryptAsync(moved.CiphertextBlob, new() { ["to"] = "b" });

        Assert.Equal(source.Arn, moved.SourceKeyId);
        Assert.Equal(destination.Arn, moved.KeyId);
        Assert.Equal(SymmetricDefault, moved.SourceEncryptionAlgorithm.Value);
        Assert.Equal(SymmetricDefault, moved.DestinationEncryptionAlgorithm.Value);
        Assert.Equal(source.CurrentKeyMaterialId, moved.SourceKeyMaterialId);
        Assert.Equal(destination.CurrentKeyMaterialId, moved.DestinationKeyMaterialId);
        Assert.Equal(("moving house", destination.Arn), (Text(decrypted.Plaintext), decrypted.KeyId));
        await ThrowsAsync<IncorrectKeyException>("IncorrectKeyException", IncorrectKeyMessage,
            () => kms.DecryptAsync(moved.CiphertextBlob, new() { ["to"] = "b" }, source.KeyId));
    }

    [Fact]
    public async Task ReEncrypt_to_the_same_key_with_a_new_context_replaces_the_context()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var blob = await kms.EncryptAsync(key.KeyId, "same key", new() { ["v"] = "1" });

        var moved = await kms.ReEncryptAsync(new ReEncryptRequest
        {
            CiphertextBlob = Copy(blob),
            SourceKeyId = key.Arn,
            SourceEncryptionContext = new() { ["v"] = "1" },
            DestinationKeyId = key.KeyId,
            DestinationEncryptionContext = new() { ["v"] = "2" },
        });

        Assert.Equal((key.Arn, key.Arn), (moved.SourceKeyId, moved.KeyId));
        Assert.Equal("same key", Text((await kms.DecryptAsync(moved.CiphertextBlob, new() { ["v"] = "2" })).Plaintext));
        await InvalidCiphertextAsync(() => kms.DecryptAsync(moved.CiphertextBlob, new() { ["v"] = "1" }));
    }

    [Theory]
    [MemberData(nameof(KeyForms.All), MemberType = typeof(KeyForms))]
    public async Task ReEncrypt_accepts_every_identifier_form_for_source_and_destination(string form)
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var id = await KeyForms.IdentifierAsync(kms, key, form);
        var blob = await kms.EncryptAsync(key.KeyId, "forms");

        var moved = await kms.ReEncryptAsync(new ReEncryptRequest { CiphertextBlob = Copy(blob), SourceKeyId = id, DestinationKeyId = id });

        Assert.Equal((key.Arn, key.Arn), (moved.SourceKeyId, moved.KeyId));
        Assert.Equal("forms", Text((await kms.DecryptAsync(moved.CiphertextBlob)).Plaintext));
    }

    [Fact]
    public async Task ReEncrypt_with_the_SourceKeyId_of_another_key_returns_IncorrectKeyException()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var owner = await kms.CreateKeyAsync();
        var other = await kms.CreateKeyAsync();
        var blob = await kms.EncryptAsync(owner.KeyId, "secret");

        await ThrowsAsync<IncorrectKeyException>("IncorrectKeyException", IncorrectKeyMessage,
            () => kms.ReEncryptAsync(new ReEncryptRequest { CiphertextBlob = Copy(blob), SourceKeyId = other.KeyId, DestinationKeyId = owner.KeyId }));
    }

    [Fact]
    public async Task ReEncrypt_with_a_wrong_source_context_or_a_tampered_blob_returns_InvalidCiphertextException()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var blob = await kms.EncryptAsync(key.KeyId, "secret", new() { ["k"] = "v" });
        var tampered = blob.ToArray();
        tampered[^1] ^= 0x80;

        await InvalidCiphertextAsync(() => kms.ReEncryptAsync(new ReEncryptRequest
        {
            CiphertextBlob = Copy(blob),
            SourceEncryptionContext = new() { ["k"] = "V" },
            DestinationKeyId = key.KeyId,
        }));
        await InvalidCiphertextAsync(() => kms.ReEncryptAsync(new ReEncryptRequest
        {
            CiphertextBlob = Stream(tampered),
            SourceEncryptionContext = new() { ["k"] = "v" },
            DestinationKeyId = key.KeyId,
        }));
    }

    [Fact]
    public async Task ReEncrypt_after_a_rotation_moves_the_ciphertext_to_the_current_material()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var blob = await kms.EncryptAsync(key.KeyId, "old material");
        await kms.RotateKeyOnDemandAsync(new RotateKeyOnDemandRequest { KeyId = key.KeyId });
        var current = (await kms.DescribeAsync(key.KeyId)).CurrentKeyMaterialId;

        var moved = await kms.ReEncryptAsync(new ReEncryptRequest { CiphertextBlob = Copy(blob), DestinationKeyId = key.KeyId });
        var decrypted = await kms.DecryptAsync(moved.CiphertextBlob);

        Assert.NotEqual(key.CurrentKeyMaterialId, current);
        Assert.Equal(key.CurrentKeyMaterialId, moved.SourceKeyMaterialId);
        Assert.Equal(current, moved.DestinationKeyMaterialId);
        Assert.Equal(("old material", current), (Text(decrypted.Plaintext), decrypted.KeyMaterialId));
    }

    [Fact]
    public async Task ReEncrypt_without_DestinationKeyId_returns_the_model_ValidationException()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var blob = await kms.EncryptAsync(key.KeyId, "secret");

        await ValidationAsync(
            "1 validation error detected: Value null at 'destinationKeyId' failed to satisfy constraint: Member must not be null",
            () => kms.ReEncryptAsync(new ReEncryptRequest { CiphertextBlob = Copy(blob) }));
    }

    [Fact]
    public async Task ReEncrypt_of_a_ciphertext_whose_key_is_unknown_returns_AccessDeniedException()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var blob = await kms.EncryptAsync(key.KeyId, "secret");
        var europe = server.Kms("eu-west-1");
        var europeanKey = await europe.CreateKeyAsync();

        await AccessDeniedAsync(UnknownKeyMessage,
            () => europe.ReEncryptAsync(new ReEncryptRequest { CiphertextBlob = Copy(blob), DestinationKeyId = europeanKey.KeyId }));
    }
}
