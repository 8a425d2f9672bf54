using System.Formats.Asn1;
using System.Security.Cryptography;
using Trent.Core.Crypto.Asymmetric;
using Trent.Core.Keys;

namespace Trent.Core.Tests.Asymmetric;

public sealed class KeyMaterialTests
{
    public static TheoryData<KeySpec, string, string?, int> SpkiShapes() => new()
    {
        { KeySpec.RSA_2048, "1.2.840.113549.1.1.1", null, 270 },
        { KeySpec.RSA_3072, "1.2.840.113549.1.1.1", null, 398 },
        { KeySpec.RSA_4096, "1.2.840.113549.1.1.1", null, 526 },
        { KeySpec.ECC_NIST_P256, "1.2.840.10045.2.1", "1.2.840.10045.3.1.7", 65 },
        { KeySpec.ECC_NIST_P384, "1.2.840.10045.2.1", "1.3.132.0.34", 97 },
        { KeySpec.ECC_NIST_P521, "1.2.840.10045.2.1", "1.3.132.0.35", 133 },
        { KeySpec.ECC_SECG_P256K1, "1.2.840.10045.2.1", "1.3.132.0.10", 65 },
        { KeySpec.ECC_NIST_EDWARDS25519, "1.3.101.112", null, 32 },
        { KeySpec.ML_DSA_44, "2.16.840.1.101.3.4.3.17", null, 1312 },
        { KeySpec.ML_DSA_65, "2.16.840.1.101.3.4.3.18", null, 1952 },
        { KeySpec.ML_DSA_87, "2.16.840.1.101.3.4.3.19", null, 2592 },
        { KeySpec.SM2, "1.2.840.10045.2.1", "1.2.156.10197.1.301", 65 },
    };

    [Theory]
    [MemberData(nameof(SpkiShapes))]
    public void Public_key_is_a_der_spki_with_the_algorithm_and_curve_aws_uses(KeySpec spec, string algorithm, string? curve, int keyLength)
    {
        using var key = TestKeys.Key(spec);
        Assert.Equal(TestKeys.Pair(spec).PublicKey, key.PublicKey.ToArray());
        var outer = new AsnReader(key.PublicKey, AsnEncodingRules.DER);
        var spki = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        var identifier = spki.ReadSequence();
        Assert.Equal(algorithm, identifier.ReadObjectIdentifier());
        if (curve is not null)
        {
            Assert.Equal(curve, identifier.ReadObjectIdentifier());
        }
        else if (algorithm == "1.2.840.113549.1.1.1")
        {
            identifier.ReadNull();
        }
        identifier.ThrowIfNotEmpty();
        var bits = spki.ReadBitString(out var unused);
        Assert.Equal(0, unused);
        Assert.Equal(keyLength, bits.Length);
        if (curve is not null)
        {
            Assert.Equal(0x04, bits[0]);
        }
    }

    [Theory]
    [InlineData(KeySpec.ML_DSA_44, "2.16.840.1.101.3.4.3.17")]
    [InlineData(KeySpec.ML_DSA_87, "2.16.840.1.101.3.4.3.19")]
    public void Ml_dsa_private_material_is_the_seed_form_pkcs8_with_the_seed_from_the_random_source(KeySpec spec, string oid)
    {
        var material = KeyMaterialGenerator.Generate(spec, new CountingRandom());
        var seed = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        byte[] expected = [0x30, 0x34, 0x02, 0x01, 0x00, 0x30, 0x0b, 0x06, 0x09, .. Oid(oid), 0x04, 0x22, 0x80, 0x20, .. seed];
        Assert.Equal(expected, material);
        Assert.Equal(material, KeyMaterialGenerator.Generate(spec, new CountingRandom()));
    }

    [Fact]
    public void Ed25519_private_material_is_the_rfc_8410_pkcs8_of_the_seed()
    {
        var material = KeyMaterialGenerator.Generate(KeySpec.ECC_NIST_EDWARDS25519, new CountingRandom());
        byte[] expected = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20, .. Enumerable.Range(0, 32).Select(i => (byte)i)];
        Assert.Equal(expected, material);
    }

    [Theory]
    [MemberData(nameof(TestKeys.AllAsymmetricSpecs), MemberType = typeof(TestKeys))]
    public void Private_material_is_a_pkcs8_private_key_info(KeySpec spec)
    {
        var reader = new AsnReader(TestKeys.Pair(spec).PrivateKey, AsnEncodingRules.DER);
        var info = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        Assert.Equal(0, (int)info.ReadInteger());
        info.ReadSequence();
        info.ReadOctetString();
    }

    public static TheoryData<KeySpec, KeySpec> OtherSpecs() => new()
    {
        { KeySpec.ECC_NIST_P384, KeySpec.ECC_NIST_P256 },
        { KeySpec.ECC_SECG_P256K1, KeySpec.ECC_NIST_P256 },
        { KeySpec.SM2, KeySpec.ECC_NIST_P256 },
        { KeySpec.ECC_NIST_P256, KeySpec.SM2 },
        { KeySpec.RSA_2048, KeySpec.RSA_3072 },
        { KeySpec.RSA_4096, KeySpec.RSA_2048 },
        { KeySpec.ML_DSA_44, KeySpec.ML_DSA_65 },
        { KeySpec.ECC_NIST_EDWARDS25519, KeySpec.ML_DSA_44 },
        { KeySpec.ML_DSA_87, KeySpec.ECC_NIST_EDWARDS25519 },
    };

    [Theory]
    [MemberData(nameof(OtherSpecs))]
    public void Material_of_another_spec_is_refused_on_import(KeySpec actual, KeySpec claimed)
    {
        Assert.ThrowsAny<CryptographicException>(() => AsymmetricKey.Import(claimed, TestKeys.Pair(actual).PrivateKey));
        Assert.ThrowsAny<CryptographicException>(() => AsymmetricKey.ImportPublic(claimed, TestKeys.Pair(actual).PublicKey));
    }

    [Theory]
    [MemberData(nameof(TestKeys.AllAsymmetricSpecs), MemberType = typeof(TestKeys))]
    public void Truncated_extended_or_garbage_material_is_refused_on_import(KeySpec spec)
    {
        var pair = TestKeys.Pair(spec);
        foreach (var bad in new[] { pair.PrivateKey[..^1], [.. pair.PrivateKey, 0], [], RandomNumberGenerator.GetBytes(64) })
        {
            Assert.ThrowsAny<CryptographicException>(() => AsymmetricKey.Import(spec, bad));
        }
        foreach (var bad in new[] { pair.PublicKey[..^1], [.. pair.PublicKey, 0], [] })
        {
            Assert.ThrowsAny<CryptographicException>(() => AsymmetricKey.ImportPublic(spec, bad));
        }
    }

    [Fact]
    public void Ml_dsa_pkcs8_with_seed_and_matching_expanded_key_imports_and_a_mismatched_or_expanded_only_one_does_not()
    {
        var seed = RandomNumberGenerator.GetBytes(32);
        var expanded = Org.BouncyCastle.Crypto.Parameters.MLDsaPrivateKeyParameters
            .FromSeed(Org.BouncyCastle.Crypto.Parameters.MLDsaParameters.ml_dsa_44, seed).GetEncoded();
        using (var both = AsymmetricKey.Import(KeySpec.ML_DSA_44, MlDsaPkcs8(w => Both(w, seed, expanded))))
        {
            Assert.Equal(KeyMaterialGenerator.GenerateKeyPair(KeySpec.ML_DSA_44, new FixedSeed(seed)).PublicKey, both.PublicKey.ToArray());
        }
        var wrong = expanded.ToArray();
        wrong[100] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => AsymmetricKey.Import(KeySpec.ML_DSA_44, MlDsaPkcs8(w => Both(w, seed, wrong))));
        Assert.ThrowsAny<CryptographicException>(() => AsymmetricKey.Import(KeySpec.ML_DSA_44, MlDsaPkcs8(w => w.WriteOctetString(expanded))));
    }

    [Theory]
    [InlineData(KeySpec.SM2)]
    [InlineData(KeySpec.ECC_NIST_P256)]
    [InlineData(KeySpec.ECC_SECG_P256K1)]
    public void Ec_pkcs8_whose_embedded_public_key_does_not_match_the_private_key_is_refused(KeySpec spec)
    {
        // The last byte of these PKCS#8 encodings belongs to the optional public point of the ECPrivateKey.
        var pkcs8 = TestKeys.Pair(spec).PrivateKey.ToArray();
        pkcs8[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => AsymmetricKey.Import(spec, pkcs8));
    }

    [Theory]
    [InlineData(KeySpec.SYMMETRIC_DEFAULT)]
    [InlineData(KeySpec.HMAC_256)]
    public void Asymmetric_entry_points_refuse_specs_without_a_key_pair(KeySpec spec)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyMaterialGenerator.GenerateKeyPair(spec, new CountingRandom()));
        Assert.Throws<ArgumentOutOfRangeException>(() => AsymmetricKey.Import(spec, new byte[8]));
    }

    [Fact]
    public void Every_data_key_pair_spec_names_an_asymmetric_key_spec()
    {
        Assert.All(Enum.GetValues<DataKeyPairSpec>(), spec => Assert.Contains(Enum.Parse<KeySpec>(spec.ToString()), TestKeys.AsymmetricSpecs));
    }

    private static byte[] Oid(string oid)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteObjectIdentifier(oid);
        return writer.Encode()[2..];
    }

    private static void Both(AsnWriter writer, byte[] seed, byte[] expanded)
    {
        using (writer.PushSequence())
        {
            writer.WriteOctetString(seed);
            writer.WriteOctetString(expanded);
        }
    }

    private static byte[] MlDsaPkcs8(Action<AsnWriter> privateKey)
    {
        var inner = new AsnWriter(AsnEncodingRules.DER);
        privateKey(inner);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("2.16.840.1.101.3.4.3.17");
            }
            writer.WriteOctetString(inner.Encode());
        }
        return writer.Encode();
    }

    private sealed class FixedSeed(byte[] seed) : Trent.Core.Crypto.IRandomSource
    {
        public void Fill(Span<byte> buffer) => seed.CopyTo(buffer);
    }
}
