using System.Collections.Concurrent;
using Trent.Server.Tests.Crypto;
using Trent.Server.Tests.Harness;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Rotation;

public sealed class ConcurrentRotationTests
{
    [Fact]
    public async Task Parallel_Encrypt_and_Decrypt_on_one_key_all_succeed_while_it_rotates_on_demand()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var key = await kms.CreateKeyAsync();
        var written = new ConcurrentBag<(MemoryStream Blob, string Text)>();
        var materialsSeen = new ConcurrentDictionary<string, bool>();

        async Task WorkerAsync(int worker)
        {
            for (var i = 0; i < 30; i++)
            {
                var text = $"worker {worker} message {i}";
                var context = new Dictionary<string, string> { ["worker"] = $"{worker}" };
                var blob = await kms.EncryptAsync(key.KeyId, text, context);
                var decrypted = await kms.DecryptAsync(blob, context);
                Assert.Equal(text, Text(decrypted.Plaintext));
                materialsSeen[decrypted.KeyMaterialId] = true;
                written.Add((blob, text));
            }
        }

        async Task RotatorAsync()
        {
            for (var i = 0; i < 10; i++)
            {
                await kms.RotateNowAsync(key.KeyId);
                await Task.Delay(15);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 12).Select(WorkerAsync).Append(RotatorAsync()));

        Assert.Equal(10, (await kms.RotationsAsync(key.KeyId)).Count);
        Assert.True(materialsSeen.Count > 1, $"Only {materialsSeen.Count} material was used during the rotations.");
        Assert.Equal(360, written.Count);
        foreach (var (blob, text) in written)
        {
            var worker = text.Split(' ')[1];
            Assert.Equal(text, Text((await kms.DecryptAsync(blob, new() { ["worker"] = worker })).Plaintext));
        }
    }
}
