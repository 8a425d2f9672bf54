using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.KeyManagement.Support;

namespace Trent.Server.Tests.KeyManagement;

/// <summary>UpdateKeyDescription.</summary>
public sealed class KeyDescriptionTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private readonly AmazonKeyManagementServiceClient _kms = shared.Kms;

    private Task UpdateAsync(string keyId, string? description) =>
        _kms.UpdateKeyDescriptionAsync(new UpdateKeyDescriptionRequest { KeyId = keyId, Description = description });

    [Fact]
    public async Task UpdateKeyDescription_replaces_the_description_DescribeKey_returns()
    {
        var key = await _kms.NewKeyAsync("old");

        await UpdateAsync(key.KeyId, "new");

        Assert.Equal("new", (await _kms.DescribeAsync(key.KeyId)).Description);
    }

    [Fact]
    public async Task UpdateKeyDescription_with_an_empty_string_clears_the_description()
    {
        var key = await _kms.NewKeyAsync("something");

        await UpdateAsync(key.KeyId, "");

        Assert.Equal("", (await _kms.DescribeAsync(key.KeyId)).Description);
    }

    [Fact]
    public async Task UpdateKeyDescription_keeps_any_Unicode_text_unchanged()
    {
        var key = await _kms.NewKeyAsync();
        const string text = "Clé de chiffrement — 鍵 🔑\n\t\"quoted\" \\ back";

        await UpdateAsync(key.KeyId, text);

        Assert.Equal(text, (await _kms.DescribeAsync(key.KeyId)).Description);
    }

    [Fact]
    public async Task UpdateKeyDescription_accepts_8192_characters()
    {
        var key = await _kms.NewKeyAsync();
        var text = new string('x', 8192);

        await UpdateAsync(key.KeyId, text);

        Assert.Equal(text, (await _kms.DescribeAsync(key.KeyId)).Description);
    }

    [Fact]
    public async Task UpdateKeyDescription_with_8193_characters_returns_the_model_ValidationException()
    {
        var key = await _kms.NewKeyAsync("kept");
        var text = new string('x', 8193);

        await Expect.Validation(
            () => UpdateAsync(key.KeyId, text),
            $"1 validation error detected: Value '{text}' at 'description' failed to satisfy constraint: Member must have length less than or equal to 8192");
        Assert.Equal("kept", (await _kms.DescribeAsync(key.KeyId)).Description);
    }

    [Fact]
    public async Task UpdateKeyDescription_without_a_Description_returns_the_model_ValidationException()
    {
        var key = await _kms.NewKeyAsync();
        await Expect.Validation(
            () => UpdateAsync(key.KeyId, null),
            "1 validation error detected: Value null at 'description' failed to satisfy constraint: Member must not be null");
    }

    [Fact]
    public async Task UpdateKeyDescription_without_either_required_member_lists_both_errors()
    {
        await Expect.Validation(
            () => _kms.UpdateKeyDescriptionAsync(new UpdateKeyDescriptionRequest()),
            "2 validation errors detected: Value null at 'description' failed to satisfy constraint: Member must not be null; " +
            "Value null at 'keyId' failed to satisfy constraint: Member must not be null");
    }

    [Fact]
    public async Task UpdateKeyDescription_changes_nothing_but_the_description()
    {
        var key = await _kms.NewKeyAsync("before");

        await UpdateAsync(key.KeyId, "after");

        var described = await _kms.DescribeAsync(key.KeyId);
        Assert.Equal(key.KeyState, described.KeyState);
        Assert.Equal(key.CreationDate, described.CreationDate);
        Assert.Equal(key.CurrentKeyMaterialId, described.CurrentKeyMaterialId);
    }
}
