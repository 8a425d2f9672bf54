using System.Security.Cryptography;
using Trent.Core.Crypto.Asymmetric;
using Trent.Core.Keys;
using Xunit.Abstractions;

namespace Trent.Core.Tests.Wycheproof;

/// <summary>Wycheproof ECDSA, ECDH and Ed25519 vectors through Trent's elliptic-curve keys.</summary>
public sealed class EllipticCurveVectorTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("ecdsa_secp256r1_sha256_test.json", KeySpec.ECC_NIST_P256, SigningAlgorithm.ECDSA_SHA_256, 484)]
    [InlineData("ecdsa_secp384r1_sha384_test.json", KeySpec.ECC_NIST_P384, SigningAlgorithm.ECDSA_SHA_384, 504)]
    [InlineData("ecdsa_secp521r1_sha512_test.json", KeySpec.ECC_NIST_P521, SigningAlgorithm.ECDSA_SHA_512, 542)]
    [InlineData("ecdsa_secp256k1_sha256_test.json", KeySpec.ECC_SECG_P256K1, SigningAlgorithm.ECDSA_SHA_256, 476)]
    public void Ecdsa_verify_of_der_signatures_passes_every_vector(string name, KeySpec spec, SigningAlgorithm algorithm, int expectedRan)
    {
        var file = VectorFile.Load(name);
        var tally = new VectorTally(file, output);
        foreach (var group in file.Groups)
        {
            using var key = AsymmetricKey.ImportPublic(spec, group.Hex("publicKeyDer"));
            foreach (var test in group.Tests())
            {
                tally.Run(test, () => (key.Verify(algorithm, MessageType.RAW, test.Hex("msg"), test.Hex("sig")), true));
            }
        }
        tally.Finish(expectedRan);
    }

    [Theory]
    [InlineData("ecdh_secp256r1_test.json", KeySpec.ECC_NIST_P256, 32, 612)]
    [InlineData("ecdh_secp384r1_test.json", KeySpec.ECC_NIST_P384, 48, 1047)]
    [InlineData("ecdh_secp521r1_test.json", KeySpec.ECC_NIST_P521, 66, 916)]
    public void Derive_shared_secret_with_spki_peer_keys_passes_every_vector(string name, KeySpec spec, int fieldBytes, int expectedRan)
    {
        var file = VectorFile.Load(name);
        var tally = new VectorTally(file, output);
        // Few distinct private keys serve many vectors; importing each once keeps P-384 and P-521 fast.
        var keys = new Dictionary<string, AsymmetricKey>();
        foreach (var test in file.Groups.SelectMany(g => g.Tests()))
        {
            tally.Run(test, () =>
            {
                var scalar = test.Text("private");
                if (!keys.TryGetValue(scalar, out var key))
                {
                    keys[scalar] = key = AsymmetricKey.Import(spec, Pkcs8FromScalar(spec, Convert.FromHexString(scalar), fieldBytes));
                }
                var secret = key.DeriveSharedSecret(test.Hex("public"));
                return (true, secret.AsSpan().SequenceEqual(test.Hex("shared")));
            });
        }
        foreach (var key in keys.Values)
        {
            key.Dispose();
        }
        tally.Finish(expectedRan);
    }

    [Fact]
    public void Ed25519_verify_passes_every_vector()
    {
        var file = VectorFile.Load("ed25519_test.json");
        var tally = new VectorTally(file, output);
        foreach (var group in file.Groups)
        {
            using var key = AsymmetricKey.ImportPublic(KeySpec.ECC_NIST_EDWARDS25519, group.Hex("publicKeyDer"));
            foreach (var test in group.Tests())
            {
                tally.Run(test, () => (key.Verify(SigningAlgorithm.ED25519_SHA_512, MessageType.RAW, test.Hex("msg"), test.Hex("sig")), true));
            }
        }
        tally.Finish(expectedRan: 151);
    }

    /// <summary>The PKCS#8 a KMS key with this private scalar would hold (Wycheproof gives the scalar as a signed big integer).</summary>
    private static byte[] Pkcs8FromScalar(KeySpec spec, byte[] scalar, int fieldBytes)
    {
        var d = new byte[fieldBytes];
        var significant = scalar.AsSpan().TrimStart((byte)0);
        significant.CopyTo(d.AsSpan(fieldBytes - significant.Length));
        using var ecdh = ECDiffieHellman.Create();
        ecdh.ImportParameters(new ECParameters { Curve = ECCurve.CreateFromValue(CurveOid(spec)), D = d });
        return ecdh.ExportPkcs8PrivateKey();
    }

    private static string CurveOid(KeySpec spec) => spec switch
    {
        KeySpec.ECC_NIST_P256 => "1.2.840.10045.3.1.7",
        KeySpec.ECC_NIST_P384 => "1.3.132.0.34",
        _ => "1.3.132.0.35",
    };
}
