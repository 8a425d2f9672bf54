using System.Security.Cryptography;
using Trent.Core.Crypto;

namespace Trent.Core.Tests.Crypto;

public sealed class KeyedHmacTests
{
    private static readonly byte[] Key = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    [Fact]
    public void Parts_are_hashed_as_their_concatenation()
    {
        using var hmac = new KeyedHmac(Key);
        var mac = new byte[KeyedHmac.Size];
        hmac.Compute("ab"u8, "c"u8, [], "def"u8, mac);
        Assert.Equal(HMACSHA256.HashData(Key, "abcdef"u8), mac);
    }

    [Fact]
    public async Task Concurrent_callers_reusing_contexts_all_get_the_right_mac()
    {
        using var hmac = new KeyedHmac(Key);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            var mac = new byte[KeyedHmac.Size];
            for (var i = 0; i < 2000; i++)
            {
                var data = BitConverter.GetBytes(t * 100_000 + i);
                hmac.Compute(data, mac);
                Assert.Equal(HMACSHA256.HashData(Key, data), mac);
            }
        })));
    }

    [Fact]
    public void A_disposed_instance_refuses_to_compute()
    {
        var hmac = new KeyedHmac(Key);
        hmac.Compute("x"u8, new byte[KeyedHmac.Size]);
        hmac.Dispose();
        Assert.Throws<ObjectDisposedException>(() => hmac.Compute("x"u8, new byte[KeyedHmac.Size]));
    }
}
