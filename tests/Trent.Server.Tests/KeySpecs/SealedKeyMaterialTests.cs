using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Core.Tests.Interop;
using Trent.Server.Tests.Crypto;
using Trent.Server.Tests.Harness;
using static Trent.Server.Tests.KeySpecs.KeySpecKit;

namespace Trent.Server.Tests.KeySpecs;

/// <summary>Private keys, HMAC secrets and data key pairs are sealed at rest and never logged, like symmetric key material.</summary>
public sealed class SealedKeyMaterialTests
{
    private static readonly (string Spec, string Usage)[] Kinds =
    [
        ("RSA_2048", "SIGN_VERIFY"), ("ECC_NIST_P256", "KEY_AGREEMENT"), ("ECC_NIST_P521", "SIGN_VERIFY"), ("ECC_SECG_P256K1", "SIGN_VERIFY"),
        ("ECC_NIST_EDWARDS25519", "SIGN_VERIFY"), ("ML_DSA_44", "SIGN_VERIFY"), ("SM2", "ENCRYPT_DECRYPT"),
        ("HMAC_224", "GENERATE_VERIFY_MAC"), ("HMAC_512", "GENERATE_VERIFY_MAC"),
    ];

    [Fact]
    public async Task No_file_of_the_data_directory_and_no_log_line_holds_a_private_key_an_HMAC_secret_or_a_data_key_pair_private_key()
    {
        await using var server = await TrentServer.StartAsync();
        var secrets = new SecretScan();
        var keys = new List<KeyMetadata>();
        var publicKeys = new Dictionary<string, byte[]>();
        using (var kms = server.Kms())
        using (var china = server.Kms(KeySpecServer.ChinaRegion))
        {
            foreach (var (spec, usage) in Kinds)
            {
                var client = spec == "SM2" ? china : kms;
                var key = (await client.CreateKeyAsync(new CreateKeyRequest { KeySpec = new KeySpec(spec), KeyUsage = new KeyUsageType(usage) })).KeyMetadata;
                keys.Add(key);
                await UseAsync(client, key, secrets);
                if (!spec.StartsWith("HMAC", StringComparison.Ordinal))
                {
                    publicKeys[key.Arn] = (await client.GetPublicKeyAsync(new GetPublicKeyRequest { KeyId = key.Arn })).PublicKey.ToArray();
                }
            }
            var wrapping = (await kms.CreateKeyAsync(new CreateKeyRequest())).KeyMetadata;
            foreach (var pairSpec in new[] { "ECC_NIST_P384", "ECC_NIST_EDWARDS25519", "RSA_2048" })
            {
                var pair = await kms.GenerateDataKeyPairAsync(new GenerateDataKeyPairRequest { KeyId = wrapping.Arn, KeyPairSpec = new DataKeyPairSpec(pairSpec) });
                AddPrivateKey(secrets, $"data key pair {pairSpec}", pairSpec, pair.PrivateKeyPlaintext.ToArray());
            }
        }

        // The sealed rows, opened with the root key, hold the real private keys: each one yields the key's public key.
        var materials = SealedMaterial.ReadAll(server.DataDir).ToDictionary(m => m.KeyArn);
        using (var openssl = new OpenSsl())
        {
            foreach (var key in keys)
            {
                var material = materials[key.Arn].Material;
                if (key.KeySpec.Value.StartsWith("HMAC", StringComparison.Ordinal))
                {
                    secrets.Add($"HMAC secret of {key.KeySpec}", material);
                    continue;
                }
                Assert.Equal(Hex(SpkiKeyBits(publicKeys[key.Arn])), Hex(PublicKeyOf(openssl, key.KeySpec, material)));
                AddPrivateKey(secrets, $"private key of {key.KeySpec}", key.KeySpec, material);
            }
        }

        AssertNoSecretIn(server, secrets, keys[0].KeyId, "while the server runs");
        SealedMaterial.Checkpoint(server.DataDir);
        AssertNoSecretIn(server, secrets, keys[0].KeyId, "after a checkpoint");
        await server.RestartAsync();
        using (var kms = server.Kms())
        {
            // The restarted server has the same private keys.
            var signer = keys[0];
            Assert.Equal(publicKeys[signer.Arn], (await kms.GetPublicKeyAsync(new GetPublicKeyRequest { KeyId = signer.Arn })).PublicKey.ToArray());
            var signature = await kms.SignAsync(signer, "RSASSA_PSS_SHA_256", Message);
            Assert.True((await kms.VerifyAsync(signer, "RSASSA_PSS_SHA_256", Message, Bytes(signature.Signature))).SignatureValid);
        }
        AssertNoSecretIn(server, secrets, keys[0].KeyId, "after a restart");
        Assert.NotEmpty(server.Log.AllText);
        Assert.Empty(secrets.FindInText(server.Log.AllText));
    }

    /// <summary>One operation of the key's usage, so that it is unsealed and used; secrets it returns join the scan.</summary>
    private static async Task UseAsync(IAmazonKeyManagementService kms, KeyMetadata key, SecretScan secrets)
    {
        switch (key.KeyUsage.Value)
        {
            case "SIGN_VERIFY":
                var algorithm = key.SigningAlgorithms[0];
                var signature = Bytes((await kms.SignAsync(key, algorithm, Message)).Signature);
                Assert.True((await kms.VerifyAsync(key, algorithm, Message, signature)).SignatureValid);
                break;
            case "ENCRYPT_DECRYPT":
                var plaintext = System.Security.Cryptography.RandomNumberGenerator.GetBytes(48);
                secrets.Add($"plaintext for {key.KeySpec}", plaintext);
                var algorithmSpec = new EncryptionAlgorithmSpec(key.EncryptionAlgorithms[0]);
                var ciphertext = await kms.EncryptAsync(new EncryptRequest { KeyId = key.Arn, Plaintext = Stream(plaintext), EncryptionAlgorithm = algorithmSpec });
                var decrypted = await kms.DecryptAsync(new DecryptRequest { KeyId = key.Arn, CiphertextBlob = ciphertext.CiphertextBlob, EncryptionAlgorithm = algorithmSpec });
                Assert.Equal(plaintext, Bytes(decrypted.Plaintext));
                break;
            case "GENERATE_VERIFY_MAC":
                var mac = await kms.GenerateMacAsync(new GenerateMacRequest { KeyId = key.Arn, MacAlgorithm = new MacAlgorithmSpec(key.MacAlgorithms[0]), Message = Stream(Message) });
                Assert.True((await kms.VerifyMacAsync(new VerifyMacRequest { KeyId = key.Arn, MacAlgorithm = mac.MacAlgorithm, Message = Stream(Message), Mac = mac.Mac })).MacValid);
                break;
            default:
                using (var peer = System.Security.Cryptography.ECDiffieHellman.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256))
                {
                    var shared = await kms.DeriveSharedSecretAsync(new DeriveSharedSecretRequest
                    {
                        KeyId = key.Arn,
                        KeyAgreementAlgorithm = KeyAgreementAlgorithmSpec.ECDH,
                        PublicKey = Stream(peer.ExportSubjectPublicKeyInfo()),
                    });
                    secrets.Add("shared secret", shared.SharedSecret.ToArray());
                }
                break;
        }
    }

    private static void AddPrivateKey(SecretScan secrets, string name, string spec, byte[] pkcs8)
    {
        secrets.Add(name + " (PKCS#8)", pkcs8);
        foreach (var (part, secret) in PrivateKeys.SecretParts(spec, pkcs8))
        {
            secrets.Add($"{name}: {part}", secret);
        }
    }

    /// <summary>The public key bits an independent implementation derives from the private key: OpenSSL, or @noble for ML-DSA.</summary>
    private static byte[] PublicKeyOf(OpenSsl openssl, string spec, byte[] pkcs8)
    {
        if (spec.StartsWith("ML_DSA", StringComparison.Ordinal))
        {
            return Convert.FromHexString(Noble.MlDsa("keygen", spec[^2..], Hex(PrivateKeys.MlDsaSeed(pkcs8))));
        }
        openssl.Write("sealed.der", pkcs8);
        openssl.Run("pkey", "-inform", "DER", "-in", openssl.PathOf("sealed.der"), "-pubout", "-outform", "DER", "-out", openssl.PathOf("sealed-pub.der"));
        return SpkiKeyBits(openssl.Read("sealed-pub.der"));
    }

    private static void AssertNoSecretIn(TrentServer server, SecretScan secrets, string someKeyId, string when)
    {
        var found = secrets.FindInFiles(server.DataDir, out var filesScanned);
        Assert.True(found.Count == 0, $"Secrets found {when}: {string.Join(", ", found)}");
        Assert.True(filesScanned >= 3, $"Only {filesScanned} files scanned {when}.");
        Assert.True(SecretScan.AppearsInFiles(server.DataDir, someKeyId), $"The scan did not see key {someKeyId} {when}.");
    }
}
