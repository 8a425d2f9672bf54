using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Harness;
using Trent.Server.Tests.Rotation;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Crypto;

public sealed class SealedStorageTests
{
    private sealed record Written(byte[] Blob, Dictionary<string, string>? Context, byte[] Plaintext);

    [Fact]
    public async Task No_file_of_the_data_directory_and_no_log_line_holds_key_material_data_keys_or_plaintexts()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var secrets = new SecretScan();
        var written = new List<Written>();
        var keys = new List<KeyMetadata>();
        for (var i = 0; i < 3; i++)
        {
            keys.Add(await kms.CreateKeyAsync($"sealed storage key {i}"));
        }
        await kms.EnableRotationAsync(keys[1].KeyId);

        async Task UseEveryKeyAsync(string round)
        {
            foreach (var key in keys)
            {
                var text = $"canary plaintext {round} {key.KeyId[..8]} {Guid.NewGuid():N}";
                secrets.AddText($"plaintext {round}/{key.KeyId[..8]}", text);
                var context = new Dictionary<string, string> { ["round"] = round };
                written.Add(new((await kms.EncryptAsync(key.KeyId, text, context)).ToArray(), context, System.Text.Encoding.UTF8.GetBytes(text)));

                var binary = RandomBytes(64);
                secrets.Add($"binary plaintext {round}/{key.KeyId[..8]}", binary);
                written.Add(new((await kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = Stream(binary) })).CiphertextBlob.ToArray(), null, binary));

                var dataKey = await kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.Arn, KeySpec = "AES_256", EncryptionContext = context });
                secrets.Add($"data key {round}/{key.KeyId[..8]}", dataKey.Plaintext.ToArray());
                written.Add(new(dataKey.CiphertextBlob.ToArray(), context, dataKey.Plaintext.ToArray()));

                var hidden = await kms.GenerateDataKeyWithoutPlaintextAsync(new GenerateDataKeyWithoutPlaintextRequest { KeyId = key.KeyId, NumberOfBytes = 24 });
                var hiddenPlaintext = (await kms.DecryptAsync(hidden.CiphertextBlob)).Plaintext.ToArray();
                secrets.Add($"data key without plaintext {round}/{key.KeyId[..8]}", hiddenPlaintext);
                written.Add(new(hidden.CiphertextBlob.ToArray(), null, hiddenPlaintext));
            }
            var moved = await kms.ReEncryptAsync(new ReEncryptRequest { CiphertextBlob = Stream(written[0].Blob), SourceEncryptionContext = written[0].Context, DestinationKeyId = keys[2].KeyId });
            written.Add(new(moved.CiphertextBlob.ToArray(), null, written[0].Plaintext));
            secrets.Add($"random bytes {round}", (await kms.GenerateRandomAsync(new GenerateRandomRequest { NumberOfBytes = 48 })).Plaintext.ToArray());
        }

        await UseEveryKeyAsync("first");
        await kms.RotateNowAsync(keys[0].KeyId);
        server.Clock.Advance(TimeSpan.FromDays(366));
        await server.RunMaintenanceAsync();
        await UseEveryKeyAsync("second");

        var materials = SealedMaterial.ReadAll(server.DataDir);
        Assert.Equal(5, materials.Count);
        Assert.Equal(5, materials.Select(m => Convert.ToHexString(m.Material)).Distinct().Count());
        Assert.All(materials, m => Assert.Equal(32, m.Material.Length));
        foreach (var w in written)
        {
            // The unsealed bytes open every ciphertext outside the server: they are the real key material.
            Assert.Equal(w.Plaintext, SealedMaterial.DecryptOffline(materials, w.Blob, w.Context));
        }
        Assert.All(materials, m => Assert.Contains(written, w => SymmetricHeaderMaterial(w.Blob) == m.MaterialId));
        foreach (var m in materials)
        {
            secrets.Add($"key material {m.MaterialId[..8]} of {m.KeyArn}", m.Material);
        }

        AssertNoSecretIn(server, secrets, keys[0].KeyId, "while the server runs", expectWal: true);
        SealedMaterial.Checkpoint(server.DataDir);
        AssertNoSecretIn(server, secrets, keys[0].KeyId, "after a checkpoint", expectWal: false);
        await server.RestartAsync();
        Assert.Equal(written[^1].Plaintext, (await server.Kms().DecryptAsync(Stream(written[^1].Blob))).Plaintext.ToArray());
        AssertNoSecretIn(server, secrets, keys[0].KeyId, "after a restart", expectWal: false);
        Assert.Empty(secrets.FindInText(server.Log.AllText));
        Assert.NotEmpty(server.Log.AllText);
    }

    private static void AssertNoSecretIn(TrentServer server, SecretScan secrets, string someKeyId, string when, bool expectWal)
    {
        var found = secrets.FindInFiles(server.DataDir, out var filesScanned);
        Assert.True(found.Count == 0, $"Secrets found {when}: {string.Join(", ", found)}");
        Assert.True(filesScanned >= 3, $"Only {filesScanned} files scanned {when}.");
        Assert.True(SecretScan.AppearsInFiles(server.DataDir, someKeyId), $"The scan did not see key {someKeyId} {when}.");
        if (expectWal)
        {
            Assert.True(File.Exists(Path.Combine(server.DataDir, "trent.db-wal")), "The database runs without a write-ahead log.");
        }
    }

    private static string? SymmetricHeaderMaterial(byte[] blob) => Trent.Core.Crypto.SymmetricCiphertext.TryReadHeader(blob)?.MaterialId;
}
