using System.Security.Cryptography;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.KeyManagement.Support;
using static Trent.Server.Tests.KeySpecs.KeySpecKit;

namespace Trent.Server.Tests.KeySpecs;

/// <summary>DeriveSharedSecret (ECDH) with every key-agreement spec.</summary>
[Collection(KeySpecCollection.Name)]
public sealed class DeriveSharedSecretTests(KeySpecServer fx)
{
    public static TheoryData<string, string, int> NistCurves() => new()
    {
        { "ECC_NIST_P256", "1.2.840.10045.3.1.7", 32 },
        { "ECC_NIST_P384", "1.3.132.0.34", 48 },
        { "ECC_NIST_P521", "1.3.132.0.35", 66 },
    };

    public static TheoryData<string> AgreementSpecs() => new("ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "SM2");

    [Theory]
    [MemberData(nameof(NistCurves))]
    public async Task The_shared_secret_is_the_raw_x_coordinate_the_peer_derives_from_its_side(string spec, string curve, int length)
    {
        var key = await fx.KeyAsync(spec, "KEY_AGREEMENT");
        using var peer = ECDiffieHellman.Create(ECCurve.CreateFromValue(curve));

        var response = await DeriveAsync(key, peer.ExportSubjectPublicKeyInfo());

        Assert.Equal(key.Arn, response.KeyId);
        Assert.Equal(KeyAgreementAlgorithmSpec.ECDH, response.KeyAgreementAlgorithm);
        Assert.Equal(OriginType.AWS_KMS, response.KeyOrigin);
        var secret = Bytes(response.SharedSecret);
        Assert.Equal(length, secret.Length);
        // .NET's ECDH on the peer's side, with the public key GetPublicKey returns.
        using var trent = ECDiffieHellman.Create();
        trent.ImportSubjectPublicKeyInfo(await fx.PublicKeyAsync(key), out _);
        Assert.Equal(peer.DeriveRawSecretAgreement(trent.PublicKey), secret);
    }

    [Theory]
    [MemberData(nameof(AgreementSpecs))]
    public async Task Two_KMS_key_agreement_keys_derive_the_same_secret_from_each_other_public_keys(string spec)
    {
        var alice = await fx.KeyAsync(spec, "KEY_AGREEMENT");
        var bob = await fx.NewKeyAsync(spec, "KEY_AGREEMENT", "the other party");

        var fromAlice = Bytes((await DeriveAsync(alice, await fx.PublicKeyAsync(bob))).SharedSecret);
        var fromBob = Bytes((await DeriveAsync(bob, await fx.PublicKeyAsync(alice))).SharedSecret);

        Assert.Equal(fromAlice, fromBob);
        Assert.Equal(spec == "ECC_NIST_P384" ? 48 : spec == "ECC_NIST_P521" ? 66 : 32, fromAlice.Length);
    }

    [Theory]
    [InlineData("ECC_NIST_P256", "1.3.132.0.34")]
    [InlineData("ECC_NIST_P384", "1.2.840.10045.3.1.7")]
    [InlineData("ECC_NIST_P521", "1.3.132.0.10")]
    [InlineData("SM2", "1.2.840.10045.3.1.7")]
    public async Task A_peer_key_on_another_curve_returns_ValidationException_without_a_message(string spec, string otherCurve)
    {
        var key = await fx.KeyAsync(spec, "KEY_AGREEMENT");
        using var peer = ECDiffieHellman.Create(ECCurve.CreateFromValue(otherCurve));

        // [O] AWS answers a peer key it cannot use with an empty ValidationException.
        await EmptyValidation(() => DeriveAsync(key, peer.ExportSubjectPublicKeyInfo()));
    }

    [Theory]
    [MemberData(nameof(AgreementSpecs))]
    public async Task A_malformed_peer_key_or_a_point_off_the_curve_returns_ValidationException_without_a_message(string spec)
    {
        var key = await fx.KeyAsync(spec, "KEY_AGREEMENT");
        var own = await fx.PublicKeyAsync(key);
        var offCurve = own.ToArray();
        offCurve[^1] ^= 0x01;
        using var rsa = RSA.Create(2048);

        await EmptyValidation(() => DeriveAsync(key, "not a public key"u8.ToArray()));
        await EmptyValidation(() => DeriveAsync(key, offCurve));
        await EmptyValidation(() => DeriveAsync(key, own[..^1]));
        await EmptyValidation(() => DeriveAsync(key, rsa.ExportSubjectPublicKeyInfo()));
    }

    [Theory]
    [InlineData("ECC_NIST_P256", "SIGN_VERIFY")]
    [InlineData("SM2", "SIGN_VERIFY")]
    [InlineData("SM2", "ENCRYPT_DECRYPT")]
    [InlineData("RSA_2048", "ENCRYPT_DECRYPT")]
    [InlineData("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT")]
    [InlineData("HMAC_256", "GENERATE_VERIFY_MAC")]
    public async Task DeriveSharedSecret_with_a_key_whose_usage_is_not_KEY_AGREEMENT_returns_InvalidKeyUsageException(string spec, string usage)
    {
        var key = await fx.KeyAsync(spec, usage);
        using var peer = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

        await InvalidKeyUsage(() => DeriveAsync(key, peer.ExportSubjectPublicKeyInfo()), WrongUsage(key, "DeriveSharedSecret"));
    }

    [Fact]
    public async Task DeriveSharedSecret_with_an_unknown_algorithm_returns_the_model_enum_ValidationException()
    {
        var key = await fx.KeyAsync("ECC_NIST_P256", "KEY_AGREEMENT");
        using var peer = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

        await Expect.Validation(
            () => fx.Kms.DeriveSharedSecretAsync(new DeriveSharedSecretRequest
            {
                KeyId = key.Arn,
                KeyAgreementAlgorithm = new KeyAgreementAlgorithmSpec("ECDHE"),
                PublicKey = Stream(peer.ExportSubjectPublicKeyInfo()),
            }),
            "1 validation error detected: Value 'ECDHE' at 'keyAgreementAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [ECDH]");
    }

    private Task<DeriveSharedSecretResponse> DeriveAsync(KeyMetadata key, byte[] peerPublicKey) =>
        fx.For(key.KeySpec).DeriveSharedSecretAsync(new DeriveSharedSecretRequest
        {
            KeyId = key.Arn,
            KeyAgreementAlgorithm = KeyAgreementAlgorithmSpec.ECDH,
            PublicKey = Stream(peerPublicKey),
        });
}
