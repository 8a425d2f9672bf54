using Trent.Core.Keys;

namespace Trent.Core.Tests.Keys;

public sealed class KeyIdentifierTests
{
    [Theory]
    [InlineData("1234abcd-12ab-34cd-56ef-1234567890ab", KeyIdentifierKind.KeyId, "1234abcd-12ab-34cd-56ef-1234567890ab", null, null)]
    [InlineData("arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", KeyIdentifierKind.KeyArn, "1234abcd-12ab-34cd-56ef-1234567890ab", "111122223333", "us-east-2")]
    [InlineData("alias/ExampleAlias", KeyIdentifierKind.AliasName, "alias/ExampleAlias", null, null)]
    [InlineData("arn:aws:kms:us-east-2:111122223333:alias/ExampleAlias", KeyIdentifierKind.AliasArn, "alias/ExampleAlias", "111122223333", "us-east-2")]
    [InlineData("arn:aws-cn:kms:cn-north-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab", KeyIdentifierKind.KeyArn, "mrk-1234abcd12ab34cd56ef1234567890ab", "111122223333", "cn-north-1")]
    public void Parses_the_four_identifier_forms(string raw, KeyIdentifierKind kind, string value, string? account, string? region)
    {
        var id = KeyIdentifier.Parse(raw);
        Assert.Equal(kind, id.Kind);
        Assert.Equal(value, id.Value);
        Assert.Equal(account, id.AccountId);
        Assert.Equal(region, id.Region);
    }

    [Theory]
    [InlineData("arn:aws:kms:us-east-1:111122223333:key")]
    [InlineData("arn:aws:kms:us-east-1:1111:key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("arn:aws:s3:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("arn:aws-cn:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("arn:aws:kms:us-east-1:111122223333:grant/x")]
    public void Malformed_arns_are_not_found_with_AWS_wording(string raw)
    {
        var e = Assert.Throws<KmsException>(() => KeyIdentifier.Parse(raw));
        Assert.Equal(KmsErrorCode.NotFoundException, e.Code);
        Assert.Equal("Invalid arn", e.Message);
    }

    [Theory]
    [InlineData("1234abcd-12ab-34cd-56ef-1234567890ab", true)]
    [InlineData("mrk-1234abcd12ab34cd56ef1234567890ab", true)]
    [InlineData("1234abcd12ab34cd56ef1234567890ab", false)]
    [InlineData("fake-key-id", false)]
    [InlineData("1234abcd-12ab-34cd-56ef-1234567890ag", false)]
    [InlineData("mrk-1234abcd-12ab-34cd-56ef-1234567890", false)]
    public void Recognizes_well_formed_key_ids(string id, bool expected) => Assert.Equal(expected, KeyIds.IsWellFormed(id));

    [Fact]
    public void New_key_ids_are_lowercase_uuid_v4_and_mrk_ids_have_no_dashes()
    {
        var random = new CountingRandom();
        var single = KeyIds.NewKeyId(random, multiRegion: false);
        var multi = KeyIds.NewKeyId(random, multiRegion: true);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", single);
        Assert.Matches("^mrk-[0-9a-f]{32}$", multi);
    }

    [Theory]
    [InlineData("us-east-1", "aws")]
    [InlineData("cn-northwest-1", "aws-cn")]
    [InlineData("us-gov-west-1", "aws-us-gov")]
    public void Arns_use_the_region_partition(string region, string partition) =>
        Assert.Equal($"arn:{partition}:kms:{region}:111122223333:key/k", new KeyArn("111122223333", region, "k").ToString());
}
