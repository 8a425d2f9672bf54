using System.Security.Cryptography;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.KeyManagement.Support;
using static Trent.Server.Tests.KeySpecs.KeySpecKit;

namespace Trent.Server.Tests.KeySpecs;

/// <summary>GenerateMac and VerifyMac with every HMAC key spec.</summary>
[Collection(KeySpecCollection.Name)]
public sealed class MacTests(KeySpecServer fx)
{
    private static readonly string[] MacAlgorithms = ["HMAC_SHA_224", "HMAC_SHA_256", "HMAC_SHA_384", "HMAC_SHA_512"];

    public static TheoryData<string, string, int> HmacSpecs() => new()
    {
        { "HMAC_224", "HMAC_SHA_224", 28 },
        { "HMAC_256", "HMAC_SHA_256", 32 },
        { "HMAC_384", "HMAC_SHA_384", 48 },
        { "HMAC_512", "HMAC_SHA_512", 64 },
    };

    [Theory]
    [MemberData(nameof(HmacSpecs))]
    public async Task GenerateMac_returns_a_full_length_deterministic_tag_that_VerifyMac_accepts(string spec, string algorithm, int length)
    {
        var key = await fx.KeyAsync(spec, "GENERATE_VERIFY_MAC");

        var generated = await GenerateAsync(key, algorithm, Message);
        Assert.Equal(key.Arn, generated.KeyId);
        Assert.Equal(algorithm, generated.MacAlgorithm.Value);
        var mac = Bytes(generated.Mac);
        Assert.Equal(length, mac.Length);
        Assert.Equal(mac, Bytes((await GenerateAsync(key, algorithm, Message)).Mac));
        Assert.NotEqual(mac, Bytes((await GenerateAsync(key, algorithm, [.. Message, 0])).Mac));

        var verified = await VerifyAsync(key, algorithm, Message, mac);
        Assert.True(verified.MacValid);
        Assert.Equal(key.Arn, verified.KeyId);
        Assert.Equal(algorithm, verified.MacAlgorithm.Value);
    }

    [Theory]
    [MemberData(nameof(HmacSpecs))]
    public async Task Two_keys_of_one_spec_have_different_secrets(string spec, string algorithm, int length)
    {
        var first = await fx.KeyAsync(spec, "GENERATE_VERIFY_MAC");
        var second = await fx.NewKeyAsync(spec, "GENERATE_VERIFY_MAC", "second HMAC key");

        var mac = Bytes((await GenerateAsync(second, algorithm, Message)).Mac);
        Assert.Equal(length, mac.Length);
        Assert.NotEqual(Bytes((await GenerateAsync(first, algorithm, Message)).Mac), mac);
        await NoMessageError<KMSInvalidMacException>(() => VerifyAsync(first, algorithm, Message, mac));
    }

    [Theory]
    [MemberData(nameof(HmacSpecs))]
    public async Task VerifyMac_of_a_tampered_truncated_or_extended_tag_or_another_message_returns_KMSInvalidMacException(string spec, string algorithm, int length)
    {
        var key = await fx.KeyAsync(spec, "GENERATE_VERIFY_MAC");
        var mac = Bytes((await GenerateAsync(key, algorithm, Message)).Mac);
        var flipped = mac.ToArray();
        flipped[length - 1] ^= 0x80;

        await NoMessageError<KMSInvalidMacException>(() => VerifyAsync(key, algorithm, Message, flipped));
        await NoMessageError<KMSInvalidMacException>(() => VerifyAsync(key, algorithm, Message, mac[..^1]));
        await NoMessageError<KMSInvalidMacException>(() => VerifyAsync(key, algorithm, Message, [.. mac, 0]));
        await NoMessageError<KMSInvalidMacException>(() => VerifyAsync(key, algorithm, [.. Message, 0], mac));
    }

    [Theory]
    [MemberData(nameof(HmacSpecs))]
    public async Task GenerateMac_and_VerifyMac_with_another_spec_algorithm_return_InvalidKeyUsageException(string spec, string algorithm, int length)
    {
        var key = await fx.KeyAsync(spec, "GENERATE_VERIFY_MAC");
        foreach (var other in MacAlgorithms.Where(a => a != algorithm))
        {
            // [O] "Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224."
            await InvalidKeyUsage(() => GenerateAsync(key, other, Message), Incompatible(other, spec));
            await InvalidKeyUsage(() => VerifyAsync(key, other, Message, new byte[length]), Incompatible(other, spec));
        }
    }

    [Fact]
    public async Task A_message_of_4096_bytes_is_accepted_and_4097_return_the_model_ValidationException()
    {
        var key = await fx.KeyAsync("HMAC_384", "GENERATE_VERIFY_MAC");
        var largest = RandomNumberGenerator.GetBytes(4096);
        var mac = Bytes((await GenerateAsync(key, "HMAC_SHA_384", largest)).Mac);
        Assert.True((await VerifyAsync(key, "HMAC_SHA_384", largest, mac)).MacValid);

        const string tooLong = "1 validation error detected: Value at 'message' failed to satisfy constraint: Member must have length less than or equal to 4096";
        await Expect.Validation(() => GenerateAsync(key, "HMAC_SHA_384", new byte[4097]), tooLong);
        await Expect.Validation(() => VerifyAsync(key, "HMAC_SHA_384", new byte[4097], mac), tooLong);
    }

    [Theory]
    [InlineData("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT")]
    [InlineData("RSA_2048", "SIGN_VERIFY")]
    [InlineData("ECC_NIST_P256", "KEY_AGREEMENT")]
    public async Task GenerateMac_and_VerifyMac_with_a_key_that_is_not_an_HMAC_key_return_InvalidKeyUsageException(string spec, string usage)
    {
        var key = await fx.KeyAsync(spec, usage);
        // [O] "<arn> key usage is ENCRYPT_DECRYPT which is not valid for GenerateMac."
        await InvalidKeyUsage(() => GenerateAsync(key, "HMAC_SHA_256", Message), WrongUsage(key, "GenerateMac"));
        await InvalidKeyUsage(() => VerifyAsync(key, "HMAC_SHA_256", Message, new byte[32]), WrongUsage(key, "VerifyMac"));
    }

    private Task<GenerateMacResponse> GenerateAsync(KeyMetadata key, string algorithm, byte[] message) =>
        fx.Kms.GenerateMacAsync(new GenerateMacRequest { KeyId = key.Arn, MacAlgorithm = new MacAlgorithmSpec(algorithm), Message = Stream(message) });

    private Task<VerifyMacResponse> VerifyAsync(KeyMetadata key, string algorithm, byte[] message, byte[] mac) =>
        fx.Kms.VerifyMacAsync(new VerifyMacRequest { KeyId = key.Arn, MacAlgorithm = new MacAlgorithmSpec(algorithm), Message = Stream(message), Mac = Stream(mac) });
}
