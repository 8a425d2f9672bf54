using Trent.Core.Crypto;

namespace Trent.Core.Tests.KeyWrap;

public sealed class AesKeyWrapTests
{
    [Fact]
    public void Key_wrap_gives_the_rfc_3394_answer_and_unwraps_it()
    {
        // RFC 3394 §4.1: wrap 128 bits of key data with a 128-bit KEK.
        var kek = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");
        var data = Convert.FromHexString("00112233445566778899AABBCCDDEEFF");
        var wrapped = AesKeyWrap.Wrap(kek, data);
        Assert.Equal("1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5", Convert.ToHexString(wrapped));
        Assert.Equal(data, AesKeyWrap.Unwrap(kek, wrapped));
    }

    [Theory]
    [InlineData("c37b7e6492584340bed12207808941155068f738", "138bdeaa9b8fa7fc61f97742e72248ee5ae6ae5360d1ae6a5f54f373fa543b6a")]
    [InlineData("466f7250617369", "afbeb0f07dfbf5419200f2ccb50bb24f")]
    public void Key_wrap_with_padding_gives_the_rfc_5649_answers_and_unwraps_them(string data, string expected)
    {
        // RFC 5649 §6, with its 192-bit KEK.
        var kek = Convert.FromHexString("5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8");
        var wrapped = AesKeyWrap.WrapPadded(kek, Convert.FromHexString(data));
        Assert.Equal(expected, Convert.ToHexStringLower(wrapped));
        Assert.Equal(data, Convert.ToHexStringLower(AesKeyWrap.UnwrapPadded(kek, wrapped)!));
    }

    [Fact]
    public void A_tampered_wrapping_or_the_wrong_kek_does_not_unwrap()
    {
        var kek = new byte[32];
        var otherKek = Enumerable.Repeat((byte)1, 32).ToArray();
        var data = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        foreach (var (wrap, unwrap) in new (Func<byte[], byte[], byte[]>, Func<byte[], byte[], byte[]?>)[]
        {
            ((k, d) => AesKeyWrap.Wrap(k, d), (k, w) => AesKeyWrap.Unwrap(k, w)),
            ((k, d) => AesKeyWrap.WrapPadded(k, d), (k, w) => AesKeyWrap.UnwrapPadded(k, w)),
        })
        {
            var wrapped = wrap(kek, data);
            Assert.Null(unwrap(otherKek, wrapped));
            for (var i = 0; i < wrapped.Length; i += 7)
            {
                var tampered = wrapped.ToArray();
                tampered[i] ^= 0x01;
                Assert.Null(unwrap(kek, tampered));
            }
            Assert.Null(unwrap(kek, wrapped[..^8]));
            Assert.Null(unwrap(kek, wrapped[..^1]));
            Assert.Null(unwrap(kek, []));
        }
    }

    [Fact]
    public void Key_wrap_refuses_key_data_that_is_not_whole_semiblocks_of_at_least_two()
    {
        var kek = new byte[16];
        Assert.Throws<ArgumentException>(() => AesKeyWrap.Wrap(kek, new byte[8]));
        Assert.Throws<ArgumentException>(() => AesKeyWrap.Wrap(kek, new byte[17]));
        Assert.Throws<ArgumentException>(() => AesKeyWrap.WrapPadded(kek, []));
    }
}
