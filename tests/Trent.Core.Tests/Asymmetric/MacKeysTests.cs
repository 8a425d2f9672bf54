using Trent.Core.Crypto.Asymmetric;
using Trent.Core.Keys;

namespace Trent.Core.Tests.Asymmetric;

public sealed class MacKeysTests
{
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    [Theory]
    [InlineData(KeySpec.HMAC_224, MacAlgorithm.HMAC_SHA_224, "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44")]
    [InlineData(KeySpec.HMAC_256, MacAlgorithm.HMAC_SHA_256, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    [InlineData(KeySpec.HMAC_384, MacAlgorithm.HMAC_SHA_384, "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649")]
    [InlineData(KeySpec.HMAC_512, MacAlgorithm.HMAC_SHA_512, "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737")]
    public void Generate_mac_is_the_rfc_4231_hmac_and_verify_accepts_it(KeySpec spec, MacAlgorithm algorithm, string expected)
    {
        var (key, message) = ("Jefe"u8.ToArray(), "what do ya want for nothing?"u8.ToArray());
        var mac = MacKeys.Compute(spec, algorithm, key, message);
        Assert.Equal(expected, Convert.ToHexStringLower(mac));
        Assert.True(MacKeys.Verify(spec, algorithm, key, message, mac));
    }

    [Fact]
    public void Verify_mac_compares_the_whole_tag_so_any_changed_missing_or_extra_byte_fails()
    {
        var key = new byte[32];
        var mac = MacKeys.Compute(KeySpec.HMAC_256, MacAlgorithm.HMAC_SHA_256, key, "m"u8);
        for (var i = 0; i < mac.Length; i++)
        {
            var changed = mac.ToArray();
            changed[i] ^= 0x80;
            Assert.False(MacKeys.Verify(KeySpec.HMAC_256, MacAlgorithm.HMAC_SHA_256, key, "m"u8, changed));
        }
        Assert.False(MacKeys.Verify(KeySpec.HMAC_256, MacAlgorithm.HMAC_SHA_256, key, "m"u8, mac[..16]));
        Assert.False(MacKeys.Verify(KeySpec.HMAC_256, MacAlgorithm.HMAC_SHA_256, key, "m"u8, [.. mac, 0]));
        Assert.False(MacKeys.Verify(KeySpec.HMAC_256, MacAlgorithm.HMAC_SHA_256, key, "m"u8, []));
        Assert.False(MacKeys.Verify(KeySpec.HMAC_256, MacAlgorithm.HMAC_SHA_256, key, "n"u8, mac));
    }

    [Theory]
    [InlineData(KeySpec.HMAC_224, MacAlgorithm.HMAC_SHA_256)]
    [InlineData(KeySpec.HMAC_256, MacAlgorithm.HMAC_SHA_224)]
    [InlineData(KeySpec.HMAC_512, MacAlgorithm.HMAC_SHA_384)]
    [InlineData(KeySpec.RSA_2048, MacAlgorithm.HMAC_SHA_256)]
    public void A_mac_algorithm_other_than_the_key_spec_one_is_invalid_key_usage_with_the_aws_message(KeySpec spec, MacAlgorithm algorithm)
    {
        var error = Assert.Throws<KmsException>(() => MacKeys.Compute(spec, algorithm, new byte[32], "m"u8));
        Assert.Equal(KmsErrorCode.InvalidKeyUsageException, error.Code);
        Assert.Equal($"Algorithm {algorithm} is incompatible with key spec {spec}.", error.Message);
        Assert.Throws<KmsException>(() => MacKeys.Verify(spec, algorithm, new byte[32], "m"u8, new byte[32]));
    }

    [Theory]
    [InlineData(KeySpec.HMAC_224, 28, 64)]
    [InlineData(KeySpec.HMAC_256, 32, 64)]
    [InlineData(KeySpec.HMAC_384, 48, 128)]
    [InlineData(KeySpec.HMAC_512, 64, 128)]
    public void Generated_keys_have_the_hash_size_and_imports_range_from_it_to_the_block_size(KeySpec spec, int generated, int maxImport)
    {
        var material = Trent.Core.Crypto.Asymmetric.KeyMaterialGenerator.Generate(spec, new CountingRandom());
        Assert.Equal(generated, material.Length);
        Assert.Equal(Enumerable.Range(0, generated).Select(i => (byte)i), material);
        Assert.True(MacKeys.IsImportableKeyLength(spec, generated));
        Assert.True(MacKeys.IsImportableKeyLength(spec, maxImport));
        Assert.False(MacKeys.IsImportableKeyLength(spec, generated - 1));
        Assert.False(MacKeys.IsImportableKeyLength(spec, maxImport + 1));
    }
}
