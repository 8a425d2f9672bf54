using System.Text.Json;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Audit.Support;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Audit;

/// <summary>What a record says about its request and response: what AWS logs, and nothing that is secret.</summary>
public sealed class RequestContentTests(AuditServer fx) : IClassFixture<AuditServer>
{
    [Fact]
    public async Task Encrypt_logs_the_key_id_context_and_algorithm_but_not_the_plaintext()
    {
        var key = await fx.Kms.CreateKeyAsync();
        var response = await fx.Kms.EncryptAsync(new EncryptRequest
        {
            KeyId = key.KeyId,
            Plaintext = Utf8("plaintext-never-logged"),
            EncryptionContext = new() { ["tenant"] = "acme & <co>" },
            EncryptionAlgorithm = "SYMMETRIC_DEFAULT",
        });

        var record = Trail.Single(fx.AuditDirectory, response.ResponseMetadata.RequestId);
        var parameters = record.GetProperty("requestParameters");
        Assert.Equal(key.KeyId, parameters.Text("keyId"));
        Assert.Equal("acme & <co>", parameters.GetProperty("encryptionContext").Text("tenant"));
        Assert.Equal("SYMMETRIC_DEFAULT", parameters.Text("encryptionAlgorithm"));
        Assert.False(parameters.TryGetProperty("plaintext", out _));
        Assert.Equal(JsonValueKind.Null, record.GetProperty("responseElements").ValueKind);
        Assert.DoesNotContain("plaintext-never-logged", record.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateKey_logs_the_new_keys_metadata_with_CloudTrails_dates_and_names_it_as_resource()
    {
        var created = await fx.Kms.CreateKeyAsync(new CreateKeyRequest { Description = "audited key", Tags = [new Tag { TagKey = "team", TagValue = "sec" }] });

        var record = Trail.Single(fx.AuditDirectory, created.ResponseMetadata.RequestId);
        var parameters = record.GetProperty("requestParameters");
        Assert.Equal("audited key", parameters.Text("description"));
        Assert.Equal("sec", parameters.GetProperty("tags")[0].Text("tagValue"));
        var metadata = record.GetProperty("responseElements").GetProperty("keyMetadata");
        Assert.Equal(created.KeyMetadata.Arn, metadata.Text("arn"));
        Assert.Equal(created.KeyMetadata.KeyId, metadata.Text("keyId"));
        Assert.Equal("Enabled", metadata.Text("keyState"));
        // "Aug 10, 2022, 10:38:27 PM", as CloudTrail renders dates inside responseElements.
        Assert.Matches(@"^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2} (AM|PM)$", metadata.Text("creationDate"));
        Assert.Equal([created.KeyMetadata.Arn], record.ResourceArns());
    }

    [Fact]
    public async Task CreateGrant_logs_the_grant_id_and_never_the_grant_token()
    {
        var key = await fx.Kms.CreateKeyAsync();
        var grant = await fx.Kms.CreateGrantAsync(new CreateGrantRequest
        {
            KeyId = key.KeyId,
            GranteePrincipal = fx.RootArn,
            Operations = ["Decrypt"],
            Constraints = new GrantConstraints { EncryptionContextSubset = new() { ["app"] = "billing" } },
        });

        var record = Trail.Single(fx.AuditDirectory, grant.ResponseMetadata.RequestId);
        Assert.Equal(grant.GrantId, record.GetProperty("responseElements").Text("grantId"));
        Assert.False(record.GetProperty("responseElements").TryGetProperty("grantToken", out _));
        Assert.DoesNotContain(grant.GrantToken, record.GetRawText(), StringComparison.Ordinal);
        var parameters = record.GetProperty("requestParameters");
        Assert.Equal(fx.RootArn, parameters.Text("granteePrincipal"));
        Assert.Equal("billing", parameters.GetProperty("constraints").GetProperty("encryptionContextSubset").Text("app"));
    }

    [Fact]
    public async Task A_grant_token_sent_with_a_request_is_not_logged()
    {
        var key = await fx.Kms.CreateKeyAsync();
        var token = (await fx.Kms.CreateGrantAsync(new CreateGrantRequest { KeyId = key.KeyId, GranteePrincipal = fx.RootArn, Operations = ["Encrypt"] })).GrantToken;

        var response = await fx.Kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = Utf8("x"), GrantTokens = [token] });

        var record = Trail.Single(fx.AuditDirectory, response.ResponseMetadata.RequestId);
        Assert.DoesNotContain(token, record.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduleKeyDeletion_logs_the_key_its_deletion_date_state_and_window()
    {
        var key = await fx.Kms.CreateKeyAsync();
        var scheduled = await fx.Kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = key.KeyId, PendingWindowInDays = 9 });

        var elements = Trail.Single(fx.AuditDirectory, scheduled.ResponseMetadata.RequestId).GetProperty("responseElements");
        Assert.Equal(key.Arn, elements.Text("keyId"));
        Assert.Equal("PendingDeletion", elements.Text("keyState"));
        Assert.Equal(9, elements.GetProperty("pendingWindowInDays").GetInt32());
        Assert.Equal(scheduled.DeletionDate!.Value.ToUniversalTime().ToString("MMM d, yyyy, h:mm:ss tt", System.Globalization.CultureInfo.InvariantCulture),
            elements.Text("deletionDate"));
    }

    [Fact]
    public async Task ReEncrypt_names_both_keys_and_Decrypt_the_key_the_ciphertext_names()
    {
        var source = await fx.Kms.CreateKeyAsync();
        var destination = await fx.Kms.CreateKeyAsync();
        var blob = (await fx.Kms.EncryptAsync(new EncryptRequest { KeyId = source.KeyId, Plaintext = Utf8("x") })).CiphertextBlob;

        var reEncrypted = await fx.Kms.ReEncryptAsync(new ReEncryptRequest { CiphertextBlob = Copy(blob), DestinationKeyId = destination.KeyId });
        var decrypted = await fx.Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = Copy(blob) });

        Assert.Equal(new[] { source.Arn, destination.Arn }.Order(), Trail.Single(fx.AuditDirectory, reEncrypted.ResponseMetadata.RequestId).ResourceArns().Order());
        Assert.Equal([source.Arn], Trail.Single(fx.AuditDirectory, decrypted.ResponseMetadata.RequestId).ResourceArns());
    }

    [Fact]
    public async Task A_dry_run_is_recorded_with_its_DryRunOperationException()
    {
        var key = await fx.Kms.CreateKeyAsync();
        var error = await Assert.ThrowsAsync<DryRunOperationException>(() =>
            fx.Kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = Utf8("x"), DryRun = true }));

        var record = Trail.Single(fx.AuditDirectory, error.RequestId);
        Assert.Equal("DryRunOperationException", record.Text("errorCode"));
        Assert.Equal(error.Message, record.Text("errorMessage"));
        Assert.True(record.GetProperty("requestParameters").GetProperty("dryRun").GetBoolean());
    }
}
