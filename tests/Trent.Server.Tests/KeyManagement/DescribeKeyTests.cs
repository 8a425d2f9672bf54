using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.KeyManagement.Support;

namespace Trent.Server.Tests.KeyManagement;

/// <summary>DescribeKey accepts all four identifier forms and answers AWS's NotFound messages.</summary>
public sealed class DescribeKeyTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private readonly AmazonKeyManagementServiceClient _kms = shared.Kms;

    [Theory]
    [InlineData("key id")]
    [InlineData("key ARN")]
    [InlineData("alias name")]
    [InlineData("alias ARN")]
    public async Task DescribeKey_finds_the_key_by_each_identifier_form(string form)
    {
        var key = await _kms.NewKeyAsync();
        var alias = "alias/describe-" + key.KeyId;
        await _kms.CreateAliasAsync(alias, key.KeyId);
        var identifier = form switch
        {
            "key id" => key.KeyId,
            "key ARN" => key.Arn,
            "alias name" => alias,
            _ => KmsCalls.AliasArn(shared.Account, alias),
        };

        var described = await _kms.DescribeAsync(identifier);

        Assert.Equal(key.KeyId, described.KeyId);
        Assert.Equal(key.Arn, described.Arn);
    }

    [Fact]
    public async Task DescribeKey_with_a_malformed_key_id_returns_NotFoundException_Invalid_keyId()
    {
        await Expect.Error<NotFoundException>(() => _kms.DescribeAsync("fake-key-id"), "Invalid keyId 'fake-key-id'");
    }

    [Fact]
    public async Task DescribeKey_with_an_unknown_key_id_returns_NotFoundException_with_the_full_ARN()
    {
        await Expect.Error<NotFoundException>(
            () => _kms.DescribeAsync(KmsCalls.UnknownKeyId),
            $"Key 'arn:aws:kms:us-east-1:{shared.Account}:key/{KmsCalls.UnknownKeyId}' does not exist");
    }

    [Fact]
    public async Task DescribeKey_with_an_unknown_key_ARN_returns_NotFoundException_with_that_ARN()
    {
        var arn = KmsCalls.KeyArn(shared.Account, KmsCalls.UnknownKeyId);
        await Expect.Error<NotFoundException>(() => _kms.DescribeAsync(arn), $"Key '{arn}' does not exist");
    }

    [Fact]
    public async Task DescribeKey_with_an_unknown_multi_Region_key_id_returns_NotFoundException()
    {
        const string id = "mrk-1234abcd12ab34cd56ef1234567890ab";
        await Expect.Error<NotFoundException>(
            () => _kms.DescribeAsync(id), $"Key 'arn:aws:kms:us-east-1:{shared.Account}:key/{id}' does not exist");
    }

    [Fact]
    public async Task DescribeKey_with_the_ARN_of_another_region_returns_NotFoundException_Invalid_arn()
    {
        var key = await _kms.NewKeyAsync();
        await Expect.Error<NotFoundException>(
            () => _kms.DescribeAsync(KmsCalls.KeyArn(shared.Account, key.KeyId, "eu-west-1")), "Invalid arn eu-west-1");
    }

    [Fact]
    public async Task DescribeKey_with_an_alias_ARN_of_another_region_returns_NotFoundException_Invalid_arn()
    {
        await Expect.Error<NotFoundException>(
            () => _kms.DescribeAsync(KmsCalls.AliasArn(shared.Account, "alias/anything", "ap-southeast-2")), "Invalid arn ap-southeast-2");
    }

    [Fact]
    public async Task DescribeKey_with_an_unknown_alias_name_returns_NotFoundException_naming_the_alias_ARN()
    {
        await Expect.Error<NotFoundException>(
            () => _kms.DescribeAsync("alias/no-such-alias"),
            $"Alias arn:aws:kms:us-east-1:{shared.Account}:alias/no-such-alias is not found.");
    }

    [Fact]
    public async Task DescribeKey_with_an_unknown_alias_ARN_returns_NotFoundException_naming_the_alias_ARN()
    {
        var arn = KmsCalls.AliasArn(shared.Account, "alias/no-such-alias-arn");
        await Expect.Error<NotFoundException>(() => _kms.DescribeAsync(arn), $"Alias {arn} is not found.");
    }

    [Fact]
    public async Task DescribeKey_without_a_KeyId_returns_the_model_ValidationException()
    {
        await Expect.Validation(
            () => _kms.DescribeKeyAsync(new DescribeKeyRequest()),
            "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null");
    }

    [Fact]
    public async Task DescribeKey_with_an_empty_KeyId_returns_the_model_ValidationException()
    {
        await Expect.Validation(
            () => _kms.DescribeAsync(""),
            "1 validation error detected: Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }

    [Fact]
    public async Task DescribeKey_with_eleven_grant_tokens_returns_the_model_ValidationException()
    {
        var key = await _kms.NewKeyAsync();
        var tokens = Enumerable.Range(0, 11).Select(i => "token" + i).ToList();
        await Expect.Validation(
            () => _kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = key.KeyId, GrantTokens = tokens }),
            $"1 validation error detected: Value '[{string.Join(", ", tokens)}]' at 'grantTokens' failed to satisfy constraint: Member must have length less than or equal to 10");
    }

    [Fact]
    public async Task DescribeKey_of_a_disabled_key_shows_Enabled_false_and_no_DeletionDate()
    {
        var key = await _kms.NewKeyAsync();
        await _kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });

        var described = await _kms.DescribeAsync(key.KeyId);

        Assert.Equal(KeyState.Disabled, described.KeyState);
        Assert.False(described.Enabled);
        Assert.Null(described.DeletionDate);
    }
}
