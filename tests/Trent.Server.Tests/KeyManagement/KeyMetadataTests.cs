using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.KeyManagement.Support;

// CustomerMasterKeySpec is deprecated but still on the wire; AWS keeps sending and accepting it.
#pragma warning disable CS0618

namespace Trent.Server.Tests.KeyManagement;

/// <summary>CreateKey and DescribeKey: every KeyMetadata field and AWS's presence rules.</summary>
public sealed partial class KeyMetadataTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private readonly AmazonKeyManagementServiceClient _kms = shared.Kms;

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex UuidV4();

    [GeneratedRegex("^mrk-[0-9a-f]{32}$")]
    private static partial Regex MultiRegionKeyId();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex MaterialId();

    [Fact]
    public async Task CreateKey_without_arguments_returns_the_metadata_of_an_enabled_symmetric_key()
    {
        var before = shared.Server.Clock.GetUtcNow();
        var key = await _kms.NewKeyAsync();

        Assert.Equal(shared.Account, key.AWSAccountId);
        Assert.Matches(UuidV4(), key.KeyId);
        Assert.Equal($"arn:aws:kms:us-east-1:{shared.Account}:key/{key.KeyId}", key.Arn);
        Assert.Equal(before.ToUnixTimeMilliseconds(), new DateTimeOffset(key.CreationDate!.Value).ToUnixTimeMilliseconds());
        Assert.True(key.Enabled);
        Assert.Equal("", key.Description);
        Assert.Equal(KeyUsageType.ENCRYPT_DECRYPT, key.KeyUsage);
        Assert.Equal(KeyState.Enabled, key.KeyState);
        Assert.Null(key.DeletionDate);
        Assert.Equal(OriginType.AWS_KMS, key.Origin);
        Assert.Equal(KeyManagerType.CUSTOMER, key.KeyManager);
        Assert.Equal(CustomerMasterKeySpec.SYMMETRIC_DEFAULT, key.CustomerMasterKeySpec);
        Assert.Equal(KeySpec.SYMMETRIC_DEFAULT, key.KeySpec);
        Assert.Equal(["SYMMETRIC_DEFAULT"], key.EncryptionAlgorithms);
        Assert.Null(key.SigningAlgorithms);
        Assert.Null(key.MacAlgorithms);
        Assert.Null(key.KeyAgreementAlgorithms);
        Assert.False(key.MultiRegion);
        Assert.Null(key.MultiRegionConfiguration);
        Assert.Matches(MaterialId(), key.CurrentKeyMaterialId);
        Assert.Null(key.PendingDeletionWindowInDays);
        Assert.Null(key.ValidTo);
        Assert.Null(key.ExpirationModel);
        Assert.Null(key.CustomKeyStoreId);
        Assert.Null(key.CloudHsmClusterId);
        Assert.Null(key.XksKeyConfiguration);
    }

    [Fact]
    public async Task CreateKey_metadata_on_the_wire_has_exactly_the_members_AWS_sends_for_a_regional_symmetric_key()
    {
        var recorder = new WireRecorder();
        using var kms = shared.Server.KmsRecording(recorder);
        await kms.NewKeyAsync();
        var metadata = recorder.Last.Json.GetProperty("KeyMetadata");

        Assert.Equal(
            ["AWSAccountId", "Arn", "CreationDate", "CurrentKeyMaterialId", "CustomerMasterKeySpec", "Description", "Enabled",
                "EncryptionAlgorithms", "KeyId", "KeyManager", "KeySpec", "KeyState", "KeyUsage", "MultiRegion", "Origin"],
            metadata.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.Number, metadata.GetProperty("CreationDate").ValueKind);
        Assert.Equal(JsonValueKind.True, metadata.GetProperty("Enabled").ValueKind);
        Assert.Equal(JsonValueKind.False, metadata.GetProperty("MultiRegion").ValueKind);
        Assert.Equal("""["SYMMETRIC_DEFAULT"]""", metadata.GetProperty("EncryptionAlgorithms").GetRawText());
    }

    [Fact]
    public async Task DescribeKey_returns_on_the_wire_the_same_metadata_CreateKey_returned()
    {
        var recorder = new WireRecorder();
        using var kms = shared.Server.KmsRecording(recorder);
        var key = await kms.NewKeyAsync("described");
        var created = recorder.Last.Json.GetProperty("KeyMetadata");

        await kms.DescribeAsync(key.KeyId);

        Assert.True(JsonElement.DeepEquals(created, recorder.Last.Json.GetProperty("KeyMetadata")), recorder.Last.Body);
    }

    [Fact]
    public async Task CreateKey_with_a_description_and_explicit_symmetric_spec_and_usage_returns_them()
    {
        var key = (await _kms.CreateKeyAsync(new CreateKeyRequest
        {
            Description = "payments",
            KeySpec = KeySpec.SYMMETRIC_DEFAULT,
            KeyUsage = KeyUsageType.ENCRYPT_DECRYPT,
            Origin = OriginType.AWS_KMS,
            MultiRegion = false,
        })).KeyMetadata;

        Assert.Equal("payments", key.Description);
        Assert.Equal(KeySpec.SYMMETRIC_DEFAULT, key.KeySpec);
        Assert.Equal(KeyUsageType.ENCRYPT_DECRYPT, key.KeyUsage);
        Assert.Equal("payments", (await _kms.DescribeAsync(key.KeyId)).Description);
    }

    [Fact]
    public async Task CreateKey_with_the_deprecated_CustomerMasterKeySpec_creates_a_symmetric_key()
    {
        var key = (await _kms.CreateKeyAsync(new CreateKeyRequest { CustomerMasterKeySpec = CustomerMasterKeySpec.SYMMETRIC_DEFAULT })).KeyMetadata;

        Assert.Equal(KeySpec.SYMMETRIC_DEFAULT, key.KeySpec);
        Assert.Equal(CustomerMasterKeySpec.SYMMETRIC_DEFAULT, key.CustomerMasterKeySpec);
    }

    [Fact]
    public async Task CreateKey_with_a_description_of_8192_characters_keeps_it_whole()
    {
        var description = new string('d', 8192);
        var key = await _kms.NewKeyAsync(description);

        Assert.Equal(description, (await _kms.DescribeAsync(key.KeyId)).Description);
    }

    [Fact]
    public async Task CreateKey_twice_gives_distinct_key_ids_and_key_material_ids()
    {
        var a = await _kms.NewKeyAsync();
        var b = await _kms.NewKeyAsync();

        Assert.NotEqual(a.KeyId, b.KeyId);
        Assert.NotEqual(a.CurrentKeyMaterialId, b.CurrentKeyMaterialId);
    }

    [Fact]
    public async Task CreateKey_with_MultiRegion_returns_an_mrk_key_id_and_a_primary_configuration_without_replicas()
    {
        var recorder = new WireRecorder();
        using var kms = shared.Server.KmsRecording(recorder);
        var key = (await kms.CreateKeyAsync(new CreateKeyRequest { MultiRegion = true })).KeyMetadata;
        var wire = recorder.Last.Json.GetProperty("KeyMetadata").GetProperty("MultiRegionConfiguration");

        Assert.Matches(MultiRegionKeyId(), key.KeyId);
        Assert.Equal($"arn:aws:kms:us-east-1:{shared.Account}:key/{key.KeyId}", key.Arn);
        Assert.True(key.MultiRegion);
        Assert.Equal(MultiRegionKeyType.PRIMARY, key.MultiRegionConfiguration.MultiRegionKeyType);
        Assert.Equal(key.Arn, key.MultiRegionConfiguration.PrimaryKey.Arn);
        Assert.Equal("us-east-1", key.MultiRegionConfiguration.PrimaryKey.Region);
        Assert.Equal("[]", wire.GetProperty("ReplicaKeys").GetRawText());
        Assert.Equal(KeyState.Enabled, key.KeyState);
        Assert.Equal(["SYMMETRIC_DEFAULT"], key.EncryptionAlgorithms);
        Assert.Matches(MaterialId(), key.CurrentKeyMaterialId);
    }

    [Fact]
    public async Task DescribeKey_of_a_multi_Region_key_by_its_mrk_id_returns_the_same_configuration()
    {
        var key = (await _kms.CreateKeyAsync(new CreateKeyRequest { MultiRegion = true })).KeyMetadata;

        var described = await _kms.DescribeAsync(key.KeyId);

        Assert.True(described.MultiRegion);
        Assert.Equal(MultiRegionKeyType.PRIMARY, described.MultiRegionConfiguration.MultiRegionKeyType);
        Assert.Equal(key.Arn, described.MultiRegionConfiguration.PrimaryKey.Arn);
        Assert.Empty(described.MultiRegionConfiguration.ReplicaKeys);
    }

    [Fact]
    public async Task CreateKey_with_KeyUsage_SIGN_VERIFY_for_a_symmetric_key_returns_ValidationException()
    {
        await Expect.Validation(
            () => _kms.CreateKeyAsync(new CreateKeyRequest { KeyUsage = KeyUsageType.SIGN_VERIFY }),
            "KeyUsage SIGN_VERIFY is not compatible with KeySpec SYMMETRIC_DEFAULT");
    }

    [Fact]
    public async Task CreateKey_with_an_unknown_KeySpec_returns_the_model_enum_ValidationException()
    {
        await Expect.Validation(
            () => _kms.CreateKeyAsync(new CreateKeyRequest { KeySpec = new KeySpec("AES_256") }),
            "1 validation error detected: Value 'AES_256' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: " +
            "[RSA_2048, RSA_3072, RSA_4096, ECC_NIST_P256, ECC_NIST_P384, ECC_NIST_P521, ECC_SECG_P256K1, SYMMETRIC_DEFAULT, " +
            "HMAC_224, HMAC_256, HMAC_384, HMAC_512, SM2, ML_DSA_44, ML_DSA_65, ML_DSA_87, ECC_NIST_EDWARDS25519]");
    }

    [Fact]
    public async Task CreateKey_with_KeySpec_and_a_different_CustomerMasterKeySpec_returns_ValidationException()
    {
        await Expect.Validation(
            () => _kms.CreateKeyAsync(new CreateKeyRequest { KeySpec = KeySpec.SYMMETRIC_DEFAULT, CustomerMasterKeySpec = CustomerMasterKeySpec.HMAC_256 }),
            "You cannot specify KeySpec and CustomerMasterKeySpec with different values.");
    }

    [Fact]
    public async Task CreateKey_with_a_description_of_8193_characters_returns_the_model_ValidationException()
    {
        var description = new string('d', 8193);
        await Expect.Validation(
            () => _kms.CreateKeyAsync(new CreateKeyRequest { Description = description }),
            $"1 validation error detected: Value '{description}' at 'description' failed to satisfy constraint: Member must have length less than or equal to 8192");
    }

    [Fact]
    public async Task CreateKey_with_an_unknown_CustomKeyStoreId_returns_CustomKeyStoreNotFoundException()
    {
        await Expect.Error<CustomKeyStoreNotFoundException>(
            () => _kms.CreateKeyAsync(new CreateKeyRequest { CustomKeyStoreId = "cks-1234567890abcdef0" }),
            "Custom key store cks-1234567890abcdef0 does not exist.");
    }

    [Fact]
    public async Task CreateKey_with_an_XksKeyId_for_an_AWS_KMS_key_returns_ValidationException()
    {
        await Expect.Validation(
            () => _kms.CreateKeyAsync(new CreateKeyRequest { XksKeyId = "ext-key-1" }),
            "XksKeyId is valid only for keys with Origin EXTERNAL_KEY_STORE.");
    }

    [Fact]
    public async Task CreateKey_does_not_change_the_existing_keys()
    {
        var first = await _kms.NewKeyAsync("first");
        await _kms.NewKeyAsync("second");

        var described = await _kms.DescribeAsync(first.KeyId);

        Assert.Equal("first", described.Description);
        Assert.Equal(first.CurrentKeyMaterialId, described.CurrentKeyMaterialId);
    }
}
