using System.Formats.Asn1;
using System.Text.Json;
using Trent.Core.Crypto.Asymmetric;
using Trent.Core.Keys;
using Xunit.Abstractions;

namespace Trent.Core.Tests.Wycheproof;

/// <summary>Wycheproof ML-DSA vectors: verification, key generation from the seed, and signing (RAW and EXTERNAL_MU).</summary>
public sealed class MlDsaVectorTests(ITestOutputHelper output)
{
    private const string ContextSkip = "non-empty context string: KMS signs and verifies ML-DSA with the empty context";

    [Theory]
    [InlineData("mldsa_44_verify_test.json", KeySpec.ML_DSA_44, 173)]
    [InlineData("mldsa_65_verify_test.json", KeySpec.ML_DSA_65, 203)]
    [InlineData("mldsa_87_verify_test.json", KeySpec.ML_DSA_87, 234)]
    public void Ml_dsa_verify_passes_every_vector_with_the_empty_context(string name, KeySpec spec, int expectedRan)
    {
        var file = VectorFile.Load(name);
        var tally = new VectorTally(file, output);
        foreach (var group in file.Groups)
        {
            AsymmetricKey? key = null;
            try
            {
                key = AsymmetricKey.ImportPublic(spec, group.Hex("publicKeyDer"));
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // Checked per vector below: every vector of a group whose key does not import must be invalid.
            }
            foreach (var test in group.Tests())
            {
                if (test.HasBytes("ctx"))
                {
                    tally.Skip(ContextSkip);
                    continue;
                }
                tally.Run(test, () => key is null
                    ? (false, false)
                    : (key.Verify(SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.RAW, test.Hex("msg"), test.Hex("sig")), true));
            }
            key?.Dispose();
        }
        tally.Finish(expectedRan);
    }

    [Theory]
    [InlineData("mldsa_44_sign_seed_test.json", KeySpec.ML_DSA_44, 82)]
    [InlineData("mldsa_65_sign_seed_test.json", KeySpec.ML_DSA_65, 101)]
    [InlineData("mldsa_87_sign_seed_test.json", KeySpec.ML_DSA_87, 92)]
    public void Ml_dsa_keys_from_seeds_sign_every_vector_exactly_for_raw_and_external_mu(string name, KeySpec spec, int expectedRan)
    {
        var file = VectorFile.Load(name);
        var tally = new VectorTally(file, output);
        foreach (var group in file.Groups)
        {
            var seed = group.Hex("privateSeed");
            foreach (var test in group.Tests())
            {
                if (test.HasBytes("ctx"))
                {
                    tally.Skip(ContextSkip);
                    continue;
                }
                tally.Run(test, () => SignAsExpected(spec, group, seed, test));
            }
        }
        tally.Finish(expectedRan);
    }

    /// <summary>
    /// Imports the seed-form PKCS#8 (a wrong-length seed must be refused), checks Trent's own encoding and public
    /// key against the file, then signs the message (RAW) and μ (EXTERNAL_MU) with the vector's rnd (zero when the
    /// vector is deterministic) and compares the signatures byte for byte.
    /// </summary>
    private static (bool, bool) SignAsExpected(KeySpec spec, JsonElement group, byte[] seed, JsonElement test)
    {
        var oid = spec switch { KeySpec.ML_DSA_44 => "2.16.840.1.101.3.4.3.17", KeySpec.ML_DSA_65 => "2.16.840.1.101.3.4.3.18", _ => "2.16.840.1.101.3.4.3.19" };
        using var key = (MlDsaKey)AsymmetricKey.Import(spec, SeedPkcs8(oid, seed));
        var generated = MlDsaKey.FromSeed(spec, seed);
        // Groups taken from NIST's ACVP list no PKCS#8; the others must match Trent's encoding byte for byte.
        var matches = (!group.HasBytes("privateKeyPkcs8") || generated.PrivateKey.AsSpan().SequenceEqual(group.Hex("privateKeyPkcs8")))
            && key.PublicKey.Span.EndsWith(group.Hex("publicKey"));
        var expected = test.Hex("sig");
        key.SigningRandomness = new FixedRandom(test.Has("rnd") ? test.Hex("rnd") : new byte[32]);
        if (test.Has("msg"))
        {
            matches &= key.Sign(SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.RAW, test.Hex("msg")).AsSpan().SequenceEqual(expected);
            matches &= key.Verify(SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.RAW, test.Hex("msg"), expected);
        }
        if (test.Has("mu"))
        {
            matches &= key.Sign(SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.EXTERNAL_MU, test.Hex("mu")).AsSpan().SequenceEqual(expected);
            matches &= key.Verify(SigningAlgorithm.ML_DSA_SHAKE_256, MessageType.EXTERNAL_MU, test.Hex("mu"), expected);
        }
        return (true, matches);
    }

    /// <summary>PKCS#8 in the seed form, written here independently of Trent so that wrong-length seeds can be offered too.</summary>
    private static byte[] SeedPkcs8(string oid, byte[] seed)
    {
        var inner = new AsnWriter(AsnEncodingRules.DER);
        inner.WriteOctetString(seed, new Asn1Tag(TagClass.ContextSpecific, 0));
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(oid);
            }
            writer.WriteOctetString(inner.Encode());
        }
        return writer.Encode();
    }
}
