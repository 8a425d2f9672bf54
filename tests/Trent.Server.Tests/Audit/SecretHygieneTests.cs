using System.Security.Cryptography;
using System.Text;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Trent.Server.Tests.Audit.Support;
using Trent.Server.Tests.Crypto;
using Trent.Server.Tests.Grants;
using Trent.Server.Tests.Harness;
using Trent.Server.Tests.Identity.Support;

namespace Trent.Server.Tests.Audit;

/// <summary>
/// Canaries planted as plaintexts, messages to sign, data keys, secrets and the encryption context of denied requests,
/// every operation run, then the trail, the server log, the error bodies and the whole data directory searched: only
/// what AWS itself logs (the encryption context) may appear, never a secret.
/// </summary>
public sealed class SecretHygieneTests
{
    [Fact]
    public async Task No_secret_canary_reaches_the_trail_the_log_an_error_body_or_the_data_directory()
    {
        await using var server = await TrentServer.StartAsync();
        using var kms = server.Kms();
        var secrets = new SecretScan();
        var errors = new StringBuilder();
        var contextCanary = "CANARY-CONTEXT-" + Guid.NewGuid().ToString("N");

        await CryptographyAsync(kms, secrets, errors, contextCanary);
        await DeniedAsync(server, secrets, errors, contextCanary);
        await CredentialsAsync(server, secrets);
        foreach (var operation in EveryOperation.Calls.Keys)
        {
            await new EveryOperation(kms, server.Root.AccountId).RunAsync(operation);
        }
        // While the server runs, the database's recent pages are in its write-ahead log: scanned as they are on disk.
        Assert.True(File.Exists(Path.Combine(server.DataDir, "trent.db-wal")), "the SQLite write-ahead log should exist while the server runs");
        Assert.Empty(secrets.FindInFiles(server.DataDir, out var runningFiles));
        Assert.True(runningFiles >= 3, "the scan should cover trent.db, its -wal and -shm");
        await server.Host.DisposeAsync();

        Assert.True(secrets.Count > 20, "the canaries were not planted");
        Assert.Empty(secrets.FindInFiles(server.AuditDirectory, out var trailFiles));
        Assert.True(trailFiles >= 2);
        Assert.Empty(secrets.FindInText(server.Log.AllText));
        Assert.Empty(secrets.FindInText(errors.ToString()));
        Assert.Empty(secrets.FindInFiles(server.DataDir, out _));
        // What AWS logs does appear: proof that the search reads the trail, and that denied requests keep their context.
        Assert.True(SecretScan.AppearsInFiles(server.AuditDirectory, contextCanary));
        Assert.DoesNotContain(contextCanary, server.Log.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(contextCanary, errors.ToString(), StringComparison.Ordinal);
        await server.RestartAsync();
    }

    /// <summary>Every cryptographic operation with canary inputs; their secret outputs become canaries too.</summary>
    private static async Task CryptographyAsync(IAmazonKeyManagementService kms, SecretScan secrets, StringBuilder errors, string contextCanary)
    {
        var key = (await kms.CreateKeyAsync(new CreateKeyRequest())).KeyMetadata;
        var signing = (await kms.CreateKeyAsync(new CreateKeyRequest { KeySpec = KeySpec.ECC_NIST_P256, KeyUsage = KeyUsageType.SIGN_VERIFY })).KeyMetadata;
        var mac = (await kms.CreateKeyAsync(new CreateKeyRequest { KeySpec = KeySpec.HMAC_256, KeyUsage = KeyUsageType.GENERATE_VERIFY_MAC })).KeyMetadata;
        var agreement = (await kms.CreateKeyAsync(new CreateKeyRequest { KeySpec = KeySpec.ECC_NIST_P256, KeyUsage = KeyUsageType.KEY_AGREEMENT })).KeyMetadata;

        var plaintext = Canary(secrets, "plaintext");
        var encrypted = await kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = new MemoryStream(plaintext), EncryptionContext = new() { ["c"] = contextCanary } });
        var blob = encrypted.CiphertextBlob.ToArray();
        secrets.Add("ciphertext", blob);
        await kms.DecryptAsync(new DecryptRequest { CiphertextBlob = new MemoryStream(blob), EncryptionContext = new() { ["c"] = contextCanary } });
        var reEncrypted = await kms.ReEncryptAsync(new ReEncryptRequest
        {
            CiphertextBlob = new MemoryStream(blob),
            SourceEncryptionContext = new() { ["c"] = contextCanary },
            DestinationKeyId = key.KeyId,
        });
        secrets.Add("re-encrypted ciphertext", reEncrypted.CiphertextBlob.ToArray());
        await ErrorAsync(errors, () => kms.DecryptAsync(new DecryptRequest { CiphertextBlob = new MemoryStream(blob), EncryptionContext = new() { ["c"] = "wrong" } }));
        await ErrorAsync(errors, () => kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = new MemoryStream([.. plaintext, .. new byte[4096]]) }));

        var dataKey = await kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId, KeySpec = DataKeySpec.AES_256 });
        secrets.Add("data key", dataKey.Plaintext.ToArray());
        secrets.Add("data key ciphertext", dataKey.CiphertextBlob.ToArray());
        var pair = await kms.GenerateDataKeyPairAsync(new GenerateDataKeyPairRequest { KeyId = key.KeyId, KeyPairSpec = DataKeyPairSpec.ECC_NIST_P256 });
        secrets.Add("data key pair private key", pair.PrivateKeyPlaintext.ToArray());
        secrets.Add("data key pair encrypted private key", pair.PrivateKeyCiphertextBlob.ToArray());
        var random = await kms.GenerateRandomAsync(new GenerateRandomRequest { NumberOfBytes = 64 });
        secrets.Add("random bytes", random.Plaintext.ToArray());

        var message = Canary(secrets, "message to sign");
        var signature = await kms.SignAsync(new SignRequest { KeyId = signing.KeyId, Message = new MemoryStream(message), SigningAlgorithm = SigningAlgorithmSpec.ECDSA_SHA_256 });
        secrets.Add("signature", signature.Signature.ToArray());
        await kms.VerifyAsync(new VerifyRequest
        {
            KeyId = signing.KeyId,
            Message = new MemoryStream(message),
            Signature = new MemoryStream(signature.Signature.ToArray()),
            SigningAlgorithm = SigningAlgorithmSpec.ECDSA_SHA_256,
        });
        await ErrorAsync(errors, () => kms.VerifyAsync(new VerifyRequest
        {
            KeyId = signing.KeyId,
            Message = new MemoryStream(Canary(secrets, "message of a bad signature")),
            Signature = new MemoryStream(signature.Signature.ToArray()),
            SigningAlgorithm = SigningAlgorithmSpec.ECDSA_SHA_256,
        }));
        var macMessage = Canary(secrets, "message to MAC");
        var tag = await kms.GenerateMacAsync(new GenerateMacRequest { KeyId = mac.KeyId, Message = new MemoryStream(macMessage), MacAlgorithm = MacAlgorithmSpec.HMAC_SHA_256 });
        secrets.Add("MAC", tag.Mac.ToArray());
        await kms.VerifyMacAsync(new VerifyMacRequest { KeyId = mac.KeyId, Message = new MemoryStream(macMessage), Mac = new MemoryStream(tag.Mac.ToArray()), MacAlgorithm = MacAlgorithmSpec.HMAC_SHA_256 });

        using var peer = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var shared = await kms.DeriveSharedSecretAsync(new DeriveSharedSecretRequest
        {
            KeyId = agreement.KeyId,
            KeyAgreementAlgorithm = KeyAgreementAlgorithmSpec.ECDH,
            PublicKey = new MemoryStream(peer.ExportSubjectPublicKeyInfo()),
        });
        secrets.Add("shared secret", shared.SharedSecret.ToArray());
    }

    /// <summary>Requests refused before they reach the key: their plaintext is secret, their encryption context is logged.</summary>
    private static async Task DeniedAsync(TrentServer server, SecretScan secrets, StringBuilder errors, string contextCanary)
    {
        using var kms = server.Kms();
        var key = (await kms.CreateKeyAsync(new CreateKeyRequest())).KeyMetadata;
        var user = await server.NewGranteeAsync();
        await ErrorAsync(errors, () => user.Kms.EncryptAsync(new EncryptRequest
        {
            KeyId = key.Arn,
            Plaintext = new MemoryStream(Canary(secrets, "plaintext of a denied request")),
            EncryptionContext = new() { ["c"] = contextCanary },
        }));
        using var forged = server.KmsAs(server.Root.AccessKeyId, "forged-secret-" + Guid.NewGuid().ToString("N"));
        await ErrorAsync(errors, () => forged.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = new MemoryStream(Canary(secrets, "plaintext of a forged request")) }));
    }

    /// <summary>An IAM user's secret access key, an assumed role's secret and session token.</summary>
    private static async Task CredentialsAsync(TrentServer server, SecretScan secrets)
    {
        var (keys, _, userArn) = await server.NewUserAsync(IdentityServer.Unique("canary"));
        secrets.AddText("IAM secret access key", keys.SecretAccessKey);
        var trust = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{userArn}}"},"Action":"sts:AssumeRole"}]}""";
        var role = (await server.Boto().IamAsync("CreateRole", new { RoleName = IdentityServer.Unique("role"), AssumeRolePolicyDocument = trust })).GetProperty("Role");
        using var sts = server.Sts(keys);
        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = role.Str("Arn"), RoleSessionName = "canary" });
        secrets.AddText("session secret access key", assumed.Credentials.SecretAccessKey);
        secrets.AddText("session token", assumed.Credentials.SessionToken);
        using var session = server.KmsWith(new SigningCredentials(assumed.Credentials.AccessKeyId, assumed.Credentials.SecretAccessKey, assumed.Credentials.SessionToken));
        // The session signs a request (denied: the role may do nothing), so its key id and token pass through the pipeline.
        await Assert.ThrowsAnyAsync<AmazonServiceException>(() => session.ListKeysAsync(new ListKeysRequest()));
    }

    private static byte[] Canary(SecretScan secrets, string name)
    {
        var canary = Encoding.UTF8.GetBytes($"CANARY-{name.Replace(' ', '-')}-{Guid.NewGuid():N}");
        secrets.Add(name, canary);
        return canary;
    }

    /// <summary>Expects the call to fail and keeps what the error body said.</summary>
    private static async Task ErrorAsync(StringBuilder errors, Func<Task> call)
    {
        var error = await Assert.ThrowsAnyAsync<AmazonServiceException>(call);
        errors.AppendLine($"{error.ErrorCode}: {error.Message}");
    }
}
