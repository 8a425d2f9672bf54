using System.Security.Cryptography;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.KeyManagement.Support;
using static Trent.Server.Tests.KeySpecs.KeySpecKit;

// CustomerMasterKeySpec is deprecated but still on the wire; AWS keeps sending and accepting it.
#pragma warning disable CS0618

namespace Trent.Server.Tests.KeySpecs;

/// <summary>GetPublicKey: the DER SubjectPublicKeyInfo and every output field, per key spec and usage.</summary>
[Collection(KeySpecCollection.Name)]
public sealed class GetPublicKeyTests(KeySpecServer fx)
{
    public static TheoryData<string, string> AsymmetricPairs() =>
        Theory(Matrix.Where(r => r.Usage is not "GENERATE_VERIFY_MAC" && r.Spec != "SYMMETRIC_DEFAULT").Select(r => (r.Spec, r.Usage)));

    [Theory]
    [MemberData(nameof(AsymmetricPairs))]
    public async Task GetPublicKey_returns_the_DER_SubjectPublicKeyInfo_and_the_fields_of_the_key(string spec, string usage)
    {
        var key = await fx.KeyAsync(spec, usage);
        var kms = fx.For(spec);

        // By key id here (the response names the key by its ARN); the other tests ask by ARN.
        var response = await kms.GetPublicKeyAsync(new GetPublicKeyRequest { KeyId = key.KeyId });

        Assert.Equal(key.Arn, response.KeyId);
        Assert.Equal(spec, response.KeySpec.Value);
        Assert.Equal(spec, response.CustomerMasterKeySpec?.Value);
        Assert.Equal(usage, response.KeyUsage.Value);
        var lists = new Dictionary<string, List<string>?>
        {
            ["ENCRYPT_DECRYPT"] = response.EncryptionAlgorithms,
            ["SIGN_VERIFY"] = response.SigningAlgorithms,
            ["KEY_AGREEMENT"] = response.KeyAgreementAlgorithms,
        };
        Assert.Equal(Row(spec, usage).Algorithms, lists[usage]);
        Assert.All(lists.Where(l => l.Key != usage), l => Assert.Null(l.Value));
        AssertSpki(spec, response.PublicKey.ToArray());
    }

    [Fact]
    public async Task Every_key_has_its_own_public_key_and_GetPublicKey_returns_it_unchanged()
    {
        var first = await fx.KeyAsync("ECC_NIST_P256", "SIGN_VERIFY");
        var second = await fx.KeyAsync("ECC_NIST_P256", "KEY_AGREEMENT");

        Assert.Equal(await fx.PublicKeyAsync(first), await fx.PublicKeyAsync(first));
        Assert.NotEqual(await fx.PublicKeyAsync(first), await fx.PublicKeyAsync(second));
    }

    [Theory]
    [InlineData("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT")]
    [InlineData("HMAC_224", "GENERATE_VERIFY_MAC")]
    [InlineData("HMAC_512", "GENERATE_VERIFY_MAC")]
    public async Task GetPublicKey_of_a_symmetric_or_HMAC_key_returns_UnsupportedOperationException(string spec, string usage)
    {
        var key = await fx.KeyAsync(spec, usage);
        // [U] the type is AWS's; the text is Trent's.
        await Expect.Error<UnsupportedOperationException>(
            () => fx.Kms.GetPublicKeyAsync(new GetPublicKeyRequest { KeyId = key.Arn }),
            $"{key.Arn} key spec is {spec}, which has no public key. GetPublicKey supports asymmetric KMS keys only.");
    }

    /// <summary>The algorithm and size of the key in the SPKI, read with .NET and ASN.1 (not with the server's code).</summary>
    private static void AssertSpki(string spec, byte[] spki)
    {
        var bits = SpkiKeyBits(spki, out var algorithm, out var parameter);
        switch (spec)
        {
            case "RSA_2048" or "RSA_3072" or "RSA_4096":
                Assert.Equal("1.2.840.113549.1.1.1", algorithm);
                using (var rsa = RSA.Create())
                {
                    rsa.ImportSubjectPublicKeyInfo(spki, out var read);
                    Assert.Equal(spki.Length, read);
                    Assert.Equal(int.Parse(spec[4..], System.Globalization.CultureInfo.InvariantCulture), rsa.KeySize);
                    Assert.Equal(spki, rsa.ExportSubjectPublicKeyInfo());
                }
                break;
            case "ECC_NIST_P256" or "ECC_NIST_P384" or "ECC_NIST_P521" or "ECC_SECG_P256K1" or "SM2":
                Assert.Equal("1.2.840.10045.2.1", algorithm);
                var (curve, field) = spec switch
                {
                    "ECC_NIST_P256" => ("1.2.840.10045.3.1.7", 32),
                    "ECC_NIST_P384" => ("1.3.132.0.34", 48),
                    "ECC_NIST_P521" => ("1.3.132.0.35", 66),
                    "ECC_SECG_P256K1" => ("1.3.132.0.10", 32),
                    _ => ("1.2.156.10197.1.301", 32),
                };
                Assert.Equal(curve, parameter);
                // An uncompressed point.
                Assert.Equal(1 + (2 * field), bits.Length);
                Assert.Equal(0x04, bits[0]);
                if (spec != "SM2")
                {
                    using var ecdsa = ECDsa.Create();
                    ecdsa.ImportSubjectPublicKeyInfo(spki, out _);
                    Assert.Equal(spki, ecdsa.ExportSubjectPublicKeyInfo());
                }
                break;
            case "ECC_NIST_EDWARDS25519":
                Assert.Equal("1.3.101.112", algorithm);
                Assert.Null(parameter);
                Assert.Equal(44, spki.Length);
                Assert.Equal(32, bits.Length);
                break;
            default:
                // ML-DSA: id-ml-dsa-44/65/87 without parameters, and the FIPS 204 public key size.
                var (oid, size) = spec switch
                {
                    "ML_DSA_44" => ("2.16.840.1.101.3.4.3.17", 1312),
                    "ML_DSA_65" => ("2.16.840.1.101.3.4.3.18", 1952),
                    _ => ("2.16.840.1.101.3.4.3.19", 2592),
                };
                Assert.Equal(oid, algorithm);
                Assert.Null(parameter);
                Assert.Equal(size, bits.Length);
                break;
        }
    }
}
