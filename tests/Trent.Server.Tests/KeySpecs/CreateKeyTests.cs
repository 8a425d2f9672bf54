using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.KeyManagement.Support;
using static Trent.Server.Tests.KeySpecs.KeySpecKit;

// CustomerMasterKeySpec is deprecated but still on the wire; AWS keeps sending and accepting it.
#pragma warning disable CS0618

namespace Trent.Server.Tests.KeySpecs;

/// <summary>CreateKey and DescribeKey for every key spec and usage, with AWS's validation and metadata.</summary>
[Collection(KeySpecCollection.Name)]
public sealed class CreateKeyTests(KeySpecServer fx)
{
    public static TheoryData<string, string> AllowedPairs() => Theory(Matrix.Select(r => (r.Spec, r.Usage)));

    public static TheoryData<string, string> RefusedPairs() =>
        Theory(Specs.SelectMany(s => Usages.Select(u => (s, u))).Where(p => !IsAllowed(p.s, p.u)));

    public static TheoryData<string> NonSymmetricSpecs() => new(Specs.Where(s => s != "SYMMETRIC_DEFAULT"));

    [Theory]
    [MemberData(nameof(AllowedPairs))]
    public async Task CreateKey_accepts_every_usage_AWS_allows_and_CreateKey_and_DescribeKey_report_the_spec_usage_and_algorithms_as_AWS_does(string spec, string usage)
    {
        var created = await fx.KeyAsync(spec, usage);
        var described = (await fx.For(spec).DescribeKeyAsync(new DescribeKeyRequest { KeyId = created.Arn })).KeyMetadata;

        foreach (var key in new[] { created, described })
        {
            Assert.Equal(spec, key.KeySpec.Value);
            // AWS echoes the deprecated twin for every spec, the newer ones included (its enum lacks them; SDKs accept it).
            Assert.Equal(spec, key.CustomerMasterKeySpec?.Value);
            Assert.Equal(usage, key.KeyUsage.Value);
            Assert.Equal(KeyState.Enabled, key.KeyState);
            Assert.True(key.Enabled);
            Assert.Equal(OriginType.AWS_KMS, key.Origin);
            Assert.Equal(KeyManagerType.CUSTOMER, key.KeyManager);
            Assert.False(key.MultiRegion);
            var lists = new Dictionary<string, List<string>?>
            {
                ["ENCRYPT_DECRYPT"] = key.EncryptionAlgorithms,
                ["SIGN_VERIFY"] = key.SigningAlgorithms,
                ["GENERATE_VERIFY_MAC"] = key.MacAlgorithms,
                ["KEY_AGREEMENT"] = key.KeyAgreementAlgorithms,
            };
            // Exactly one algorithm list: the one of the key's usage.
            Assert.Equal(Row(spec, usage).Algorithms, lists[usage]);
            Assert.All(lists.Where(l => l.Key != usage), l => Assert.Null(l.Value));
            // Only symmetric encryption keys have a current key material id.
            if (spec == "SYMMETRIC_DEFAULT")
            {
                Assert.Matches("^[0-9a-f]{64}$", key.CurrentKeyMaterialId);
            }
            else
            {
                Assert.Null(key.CurrentKeyMaterialId);
            }
        }
        Assert.Equal(created.Arn, described.Arn);
    }

    [Theory]
    [MemberData(nameof(RefusedPairs))]
    public async Task CreateKey_with_a_usage_the_spec_does_not_allow_returns_AWS_ValidationException(string spec, string usage)
    {
        await Expect.Validation(
            () => fx.For(spec).CreateKeyAsync(new CreateKeyRequest { KeySpec = new KeySpec(spec), KeyUsage = new KeyUsageType(usage) }),
            $"KeyUsage {usage} is not compatible with KeySpec {spec}");
    }

    [Theory]
    [MemberData(nameof(NonSymmetricSpecs))]
    public async Task CreateKey_of_any_spec_but_SYMMETRIC_DEFAULT_without_a_KeyUsage_returns_AWS_ValidationException(string spec)
    {
        await Expect.Validation(
            () => fx.For(spec).CreateKeyAsync(new CreateKeyRequest { KeySpec = new KeySpec(spec) }),
            "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.");
    }

    [Fact]
    public async Task CreateKey_with_only_the_deprecated_CustomerMasterKeySpec_creates_a_key_of_that_spec()
    {
        var key = (await fx.Kms.CreateKeyAsync(new CreateKeyRequest
        {
            CustomerMasterKeySpec = CustomerMasterKeySpec.ECC_NIST_P256,
            KeyUsage = KeyUsageType.SIGN_VERIFY,
        })).KeyMetadata;

        Assert.Equal(KeySpec.ECC_NIST_P256, key.KeySpec);
        Assert.Equal(["ECDSA_SHA_256"], key.SigningAlgorithms);
        var signature = await fx.Kms.SignAsync(key, "ECDSA_SHA_256", Message);
        Assert.Equal(key.Arn, signature.KeyId);
    }

    [Fact]
    public async Task An_SM2_key_created_in_cn_north_1_has_an_aws_cn_ARN_and_is_found_and_used_by_that_ARN()
    {
        var key = await fx.KeyAsync("SM2", "SIGN_VERIFY");

        Assert.Equal($"arn:aws-cn:kms:cn-north-1:{fx.Account}:key/{key.KeyId}", key.Arn);
        Assert.Equal(key.Arn, (await fx.China.DescribeKeyAsync(new DescribeKeyRequest { KeyId = key.Arn })).KeyMetadata.Arn);
        var signed = await fx.China.SignAsync(key, "SM2DSA", Message);
        Assert.Equal(key.Arn, signed.KeyId);
        Assert.Equal(key.Arn, (await fx.China.VerifyAsync(key, "SM2DSA", Message, Bytes(signed.Signature))).KeyId);
    }

    [Fact]
    public async Task An_SM2_key_can_be_created_in_cn_northwest_1_too()
    {
        using var kms = fx.Server.Kms("cn-northwest-1");
        var key = (await kms.CreateKeyAsync(new CreateKeyRequest { KeySpec = KeySpec.SM2, KeyUsage = KeyUsageType.ENCRYPT_DECRYPT })).KeyMetadata;

        Assert.Equal($"arn:aws-cn:kms:cn-northwest-1:{fx.Account}:key/{key.KeyId}", key.Arn);
        Assert.Equal(["SM2PKE"], key.EncryptionAlgorithms);
    }

    [Theory]
    [InlineData("us-east-1")]
    [InlineData("eu-west-1")]
    [InlineData("us-gov-west-1")]
    public async Task CreateKey_of_an_SM2_key_outside_the_China_Regions_returns_UnsupportedOperationException(string region)
    {
        using var kms = fx.Server.Kms(region);
        foreach (var usage in new[] { KeyUsageType.SIGN_VERIFY, KeyUsageType.ENCRYPT_DECRYPT, KeyUsageType.KEY_AGREEMENT })
        {
            // [U] AWS does not document the answer outside the China Regions; the type and the text are Trent's choice.
            await Expect.Error<UnsupportedOperationException>(
                () => kms.CreateKeyAsync(new CreateKeyRequest { KeySpec = KeySpec.SM2, KeyUsage = usage }),
                $"KeySpec SM2 is available only in the China Regions (cn-north-1, cn-northwest-1), not in {region}.");
        }
    }

    [Fact]
    public async Task A_key_of_every_other_spec_can_be_created_in_a_China_Region_with_an_aws_cn_ARN()
    {
        var key = (await fx.China.CreateKeyAsync(new CreateKeyRequest { KeySpec = KeySpec.HMAC_256, KeyUsage = KeyUsageType.GENERATE_VERIFY_MAC })).KeyMetadata;

        Assert.StartsWith($"arn:aws-cn:kms:cn-north-1:{fx.Account}:key/", key.Arn, StringComparison.Ordinal);
        var mac = await fx.China.GenerateMacAsync(new GenerateMacRequest { KeyId = key.Arn, MacAlgorithm = MacAlgorithmSpec.HMAC_SHA_256, Message = Stream(Message) });
        Assert.Equal(32, mac.Mac.Length);
    }
}
