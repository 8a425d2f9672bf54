using System.Security.Cryptography;
using Trent.Core.Crypto;
using Trent.Core.Crypto.Asymmetric;
using Trent.Core.Keys;
using Xunit.Abstractions;

namespace Trent.Core.Tests.Wycheproof;

/// <summary>Wycheproof vectors for the symmetric primitives Trent uses: AES-GCM, HKDF-SHA256, HMAC, AES-KW and AES-KWP.</summary>
public sealed class SymmetricVectorTests(ITestOutputHelper output)
{
    [Fact]
    public void Aes_gcm_with_96_bit_ivs_and_128_bit_tags_passes_every_vector()
    {
        var file = VectorFile.Load("aes_gcm_test.json");
        var tally = new VectorTally(file, output);
        foreach (var group in file.Groups)
        {
            foreach (var test in group.Tests())
            {
                if (group.Number("ivSize") != 96)
                {
                    tally.Skip("IV is not 96 bits: KMS (and .NET AesGcm) use 12-byte IVs");
                    continue;
                }
                if (group.Number("tagSize") != 128)
                {
                    tally.Skip("tag is not 128 bits: KMS uses 16-byte tags");
                    continue;
                }
                tally.Run(test, () =>
                {
                    using var gcm = new AesGcm(test.Hex("key"), 16);
                    var (iv, aad, msg, ct, tag) = (test.Hex("iv"), test.Hex("aad"), test.Hex("msg"), test.Hex("ct"), test.Hex("tag"));
                    var plaintext = new byte[ct.Length];
                    gcm.Decrypt(iv, ct, tag, plaintext, aad);
                    var (ciphertext, newTag) = (new byte[msg.Length], new byte[16]);
                    gcm.Encrypt(iv, msg, ciphertext, newTag, aad);
                    return (true, plaintext.AsSpan().SequenceEqual(msg) && ciphertext.AsSpan().SequenceEqual(ct) && newTag.AsSpan().SequenceEqual(tag));
                });
            }
        }
        tally.Finish(expectedRan: 197);
    }

    [Fact]
    public void Hkdf_sha256_passes_every_vector()
    {
        var file = VectorFile.Load("hkdf_sha256_test.json");
        var tally = new VectorTally(file, output);
        foreach (var test in file.Groups.SelectMany(g => g.Tests()))
        {
            tally.Run(test, () =>
            {
                byte[] okm;
                try
                {
                    okm = HKDF.DeriveKey(HashAlgorithmName.SHA256, test.Hex("ikm"), test.Number("size"), test.Hex("salt"), test.Hex("info"));
                }
                catch (ArgumentException)
                {
                    return (false, false);
                }
                return (true, okm.AsSpan().SequenceEqual(test.Hex("okm")));
            });
        }
        tally.Finish(expectedRan: 86);
    }

    [Theory]
    [InlineData("hmac_sha224_test.json", KeySpec.HMAC_224, MacAlgorithm.HMAC_SHA_224, 224, 87)]
    [InlineData("hmac_sha256_test.json", KeySpec.HMAC_256, MacAlgorithm.HMAC_SHA_256, 256, 87)]
    [InlineData("hmac_sha384_test.json", KeySpec.HMAC_384, MacAlgorithm.HMAC_SHA_384, 384, 87)]
    [InlineData("hmac_sha512_test.json", KeySpec.HMAC_512, MacAlgorithm.HMAC_SHA_512, 512, 87)]
    public void Hmac_generate_and_verify_pass_every_full_length_vector(string name, KeySpec spec, MacAlgorithm algorithm, int bits, int expectedRan)
    {
        var file = VectorFile.Load(name);
        var tally = new VectorTally(file, output);
        foreach (var group in file.Groups)
        {
            foreach (var test in group.Tests())
            {
                if (group.Number("tagSize") != bits)
                {
                    tally.Skip("truncated tag: KMS never truncates MACs");
                    continue;
                }
                tally.Run(test, () =>
                {
                    var (key, msg, tag) = (test.Hex("key"), test.Hex("msg"), test.Hex("tag"));
                    var verified = MacKeys.Verify(spec, algorithm, key, msg, tag);
                    var computed = MacKeys.Compute(spec, algorithm, key, msg);
                    return (verified, computed.AsSpan().SequenceEqual(tag));
                });
            }
        }
        tally.Finish(expectedRan);
    }

    [Fact]
    public void Aes_key_wrap_passes_every_vector()
    {
        RunKeyWrap("aes_wrap_test.json", AesKeyWrap.Wrap, AesKeyWrap.Unwrap, expectedRan: 165);
    }

    [Fact]
    public void Aes_key_wrap_with_padding_passes_every_vector()
    {
        RunKeyWrap("aes_kwp_test.json", AesKeyWrap.WrapPadded, AesKeyWrap.UnwrapPadded, expectedRan: 254);
    }

    private delegate byte[] WrapFunction(ReadOnlySpan<byte> kek, ReadOnlySpan<byte> keyData);

    private delegate byte[]? UnwrapFunction(ReadOnlySpan<byte> kek, ReadOnlySpan<byte> wrapped);

    /// <summary>
    /// A vector with a ciphertext must unwrap to msg (valid) or not unwrap (invalid); one without a ciphertext
    /// gives key data that wrapping must refuse. Accepted wraps must produce ct exactly (KW and KWP are deterministic).
    /// </summary>
    private void RunKeyWrap(string name, WrapFunction wrap, UnwrapFunction unwrap, int expectedRan)
    {
        var file = VectorFile.Load(name);
        var tally = new VectorTally(file, output);
        foreach (var test in file.Groups.SelectMany(g => g.Tests()))
        {
            tally.Run(test, () =>
            {
                var (key, msg, ct) = (test.Hex("key"), test.Hex("msg"), test.Hex("ct"));
                if (ct.Length == 0)
                {
                    try
                    {
                        wrap(key, msg);
                        return (true, false);
                    }
                    catch (ArgumentException)
                    {
                        return (false, false);
                    }
                }
                var unwrapped = unwrap(key, ct);
                if (unwrapped is null)
                {
                    return (false, false);
                }
                return (true, unwrapped.AsSpan().SequenceEqual(msg) && wrap(key, msg).AsSpan().SequenceEqual(ct));
            });
        }
        tally.Finish(expectedRan);
    }
}
