using System.Text.Json;
using Trent.Core.Crypto.Asymmetric;
using Trent.Core.Keys;
using Xunit.Abstractions;

namespace Trent.Core.Tests.Wycheproof;

/// <summary>Wycheproof RSA vectors through Trent's RSA keys: OAEP decryption, PSS and PKCS#1 v1.5 verification and signing.</summary>
public sealed class RsaVectorTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("rsa_oaep_2048_sha1_mgf1sha1_test.json", KeySpec.RSA_2048, EncryptionAlgorithm.RSAES_OAEP_SHA_1, 29)]
    [InlineData("rsa_oaep_2048_sha256_mgf1sha256_test.json", KeySpec.RSA_2048, EncryptionAlgorithm.RSAES_OAEP_SHA_256, 29)]
    [InlineData("rsa_oaep_3072_sha256_mgf1sha256_test.json", KeySpec.RSA_3072, EncryptionAlgorithm.RSAES_OAEP_SHA_256, 29)]
    [InlineData("rsa_oaep_4096_sha256_mgf1sha256_test.json", KeySpec.RSA_4096, EncryptionAlgorithm.RSAES_OAEP_SHA_256, 29)]
    public void Rsa_oaep_decrypt_passes_every_vector_with_an_empty_label(string name, KeySpec spec, EncryptionAlgorithm algorithm, int expectedRan)
    {
        var file = VectorFile.Load(name);
        var tally = new VectorTally(file, output);
        foreach (var group in file.Groups)
        {
            using var key = AsymmetricKey.Import(spec, group.Hex("privateKeyPkcs8"));
            foreach (var test in group.Tests())
            {
                if (test.HasBytes("label"))
                {
                    tally.Skip("OAEP label is not empty: KMS always uses the empty label");
                    continue;
                }
                tally.Run(test, () => key.Decrypt(algorithm, test.Hex("ct")) is { } plaintext
                    ? (true, plaintext.AsSpan().SequenceEqual(test.Hex("msg")))
                    : (false, false));
            }
        }
        tally.Finish(expectedRan);
    }

    [Theory]
    [InlineData("rsa_pss_2048_sha256_mgf1_32_test.json", 108)]
    [InlineData("rsa_pss_2048_sha384_mgf1_48_test.json", 141)]
    [InlineData("rsa_pss_3072_sha256_mgf1_32_test.json", 108)]
    [InlineData("rsa_pss_4096_sha256_mgf1_32_test.json", 108)]
    [InlineData("rsa_pss_4096_sha384_mgf1_48_test.json", 141)]
    [InlineData("rsa_pss_4096_sha512_mgf1_64_test.json", 179)]
    [InlineData("rsa_pss_misc_test.json", 3)]
    public void Rsa_pss_verify_passes_every_vector_with_kms_parameters(string name, int expectedRan)
    {
        var file = VectorFile.Load(name);
        var tally = new VectorTally(file, output);
        foreach (var group in file.Groups)
        {
            var sha = group.Text("sha");
            var reason = !IsKmsHash(sha) ? $"{sha}: KMS has no RSASSA-PSS with it"
                : group.Text("mgfSha") != sha ? "MGF1 hash differs from the message hash: KMS uses the same hash"
                : group.Number("sLen") != HashLength(sha) ? "salt length is not the hash length: KMS uses the hash length"
                : null;
            RunVerify(tally, group, reason, $"RSASSA_PSS_{Suffix(sha)}");
        }
        tally.Finish(expectedRan);
    }

    [Theory]
    [InlineData("rsa_signature_2048_sha256_test.json", 259)]
    [InlineData("rsa_signature_2048_sha384_test.json", 258)]
    [InlineData("rsa_signature_2048_sha512_test.json", 259)]
    [InlineData("rsa_signature_3072_sha256_test.json", 259)]
    [InlineData("rsa_signature_3072_sha384_test.json", 259)]
    [InlineData("rsa_signature_3072_sha512_test.json", 260)]
    [InlineData("rsa_signature_4096_sha256_test.json", 258)]
    [InlineData("rsa_signature_4096_sha384_test.json", 259)]
    [InlineData("rsa_signature_4096_sha512_test.json", 259)]
    public void Rsa_pkcs1_verify_passes_every_vector(string name, int expectedRan)
    {
        var file = VectorFile.Load(name);
        var tally = new VectorTally(file, output);
        foreach (var group in file.Groups)
        {
            RunVerify(tally, group, null, $"RSASSA_PKCS1_V1_5_{Suffix(group.Text("sha"))}");
        }
        tally.Finish(expectedRan);
    }

    [Theory]
    [InlineData("rsa_pkcs1_2048_sig_gen_test.json", 27)]
    [InlineData("rsa_pkcs1_3072_sig_gen_test.json", 26)]
    [InlineData("rsa_pkcs1_4096_sig_gen_test.json", 24)]
    public void Rsa_pkcs1_sign_produces_every_expected_signature(string name, int expectedRan)
    {
        var file = VectorFile.Load(name);
        var tally = new VectorTally(file, output);
        foreach (var group in file.Groups)
        {
            var sha = group.Text("sha");
            if (!IsKmsHash(sha))
            {
                foreach (var _ in group.Tests())
                {
                    tally.Skip($"{sha}: KMS has no RSASSA-PKCS1-v1_5 with it");
                }
                continue;
            }
            var algorithm = Enum.Parse<SigningAlgorithm>($"RSASSA_PKCS1_V1_5_{Suffix(sha)}");
            using var key = AsymmetricKey.Import(Spec(group), group.Hex("privateKeyPkcs8"));
            foreach (var test in group.Tests())
            {
                tally.Run(test, () =>
                {
                    var signature = key.Sign(algorithm, MessageType.RAW, test.Hex("msg"));
                    return (true, signature.AsSpan().SequenceEqual(test.Hex("sig")) && key.Verify(algorithm, MessageType.RAW, test.Hex("msg"), signature));
                });
            }
        }
        tally.Finish(expectedRan);
    }

    private static void RunVerify(VectorTally tally, JsonElement group, string? skipReason, string algorithmName)
    {
        if (skipReason is not null)
        {
            foreach (var _ in group.Tests())
            {
                tally.Skip(skipReason);
            }
            return;
        }
        var algorithm = Enum.Parse<SigningAlgorithm>(algorithmName);
        using var key = AsymmetricKey.ImportPublic(Spec(group), group.Hex("publicKeyDer"));
        foreach (var test in group.Tests())
        {
            tally.Run(test, () => (key.Verify(algorithm, MessageType.RAW, test.Hex("msg"), test.Hex("sig")), true));
        }
    }

    private static KeySpec Spec(JsonElement group) => Enum.Parse<KeySpec>($"RSA_{group.Number("keySize")}");

    private static bool IsKmsHash(string sha) => sha is "SHA-256" or "SHA-384" or "SHA-512";

    private static int HashLength(string sha) => int.Parse(sha[4..], System.Globalization.CultureInfo.InvariantCulture) / 8;

    private static string Suffix(string sha) => sha.Replace('-', '_');
}
