using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Microsoft.Data.Sqlite;
using Trent.Core.Audit;
using Trent.Server.Audit;
using Trent.Server.Tests.Audit.Support;
using Trent.Server.Tests.Harness;
using Trent.Server.Tests.Wire;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Audit;

/// <summary>GetKeyLastUsage: the last successful cryptographic use of a key, tied to its audit record.</summary>
public sealed class GetKeyLastUsageTests(AuditServer fx) : IClassFixture<AuditServer>
{
    public static TheoryData<string> TrackedOperations => KmsModel.Theory(KeyUsageTracker.TrackedOperations.Order(StringComparer.Ordinal));

    [Fact]
    public async Task A_new_key_has_no_last_usage_and_tracking_starts_at_its_creation()
    {
        var key = await fx.Kms.CreateKeyAsync();

        var usage = await fx.Kms.GetKeyLastUsageAsync(new GetKeyLastUsageRequest { KeyId = key.KeyId });

        Assert.Equal(key.Arn, usage.KeyId);
        Assert.Null(usage.KeyLastUsage?.Operation);
        Assert.Equal(key.CreationDate, usage.KeyCreationDate);
        Assert.Equal(key.CreationDate, usage.TrackingStartDate);
    }

    [Theory]
    [MemberData(nameof(TrackedOperations))]
    public async Task A_successful_tracked_operation_becomes_the_keys_last_usage_with_its_audit_event(string operation)
    {
        var call = await fx.Operations.RunAsync(operation);

        var record = Trail.Single(fx.AuditDirectory, call.RequestId);
        foreach (var keyArn in call.KeyArns)
        {
            var usage = (await fx.Kms.GetKeyLastUsageAsync(new GetKeyLastUsageRequest { KeyId = keyArn })).KeyLastUsage;
            Assert.Equal(operation, usage.Operation.Value);
            Assert.Equal(record.Text("eventID"), usage.CloudTrailEventId);
            Assert.Equal(call.RequestId, usage.KmsRequestId);
            Assert.Equal(record.Text("eventTime"),
                usage.Timestamp!.Value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Reads_failures_and_dry_runs_do_not_count_as_usage()
    {
        var key = await fx.Kms.CreateKeyAsync();
        var used = await fx.Kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = Utf8("x") });

        await fx.Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = key.KeyId });
        await Assert.ThrowsAsync<DryRunOperationException>(() => fx.Kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = Utf8("x"), DryRun = true }));
        await Assert.ThrowsAsync<InvalidCiphertextException>(() => fx.Kms.DecryptAsync(new DecryptRequest { KeyId = key.KeyId, CiphertextBlob = Stream(RandomBytes(80)) }));
        await fx.Kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });
        await Assert.ThrowsAsync<DisabledException>(() => fx.Kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = Utf8("x") }));

        var usage = (await fx.Kms.GetKeyLastUsageAsync(new GetKeyLastUsageRequest { KeyId = key.KeyId })).KeyLastUsage;
        Assert.Equal(("Encrypt", used.ResponseMetadata.RequestId), (usage.Operation.Value, usage.KmsRequestId));
    }

    [Fact]
    public async Task Only_key_ids_and_key_ARNs_name_the_key()
    {
        var key = await fx.Kms.CreateKeyAsync();
        var alias = "alias/last-usage-" + Guid.NewGuid().ToString("N");
        await fx.Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = alias, TargetKeyId = key.KeyId });

        await fx.Kms.GetKeyLastUsageAsync(new GetKeyLastUsageRequest { KeyId = key.Arn });
        await Assert.ThrowsAsync<InvalidArnException>(() => fx.Kms.GetKeyLastUsageAsync(new GetKeyLastUsageRequest { KeyId = alias }));
        await Assert.ThrowsAsync<NotFoundException>(() => fx.Kms.GetKeyLastUsageAsync(new GetKeyLastUsageRequest { KeyId = Guid.NewGuid().ToString() }));
    }

    [Fact]
    public async Task The_last_usage_is_kept_across_a_restart_and_works_in_every_key_state()
    {
        await using var server = await TrentServer.StartAsync();
        using (var kms = server.Kms())
        {
            var key = await kms.CreateKeyAsync();
            var used = await kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId, KeySpec = DataKeySpec.AES_256 });
            await kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = key.KeyId, PendingWindowInDays = 7 });

            await server.RestartAsync();

            using var after = server.Kms();
            var usage = (await after.GetKeyLastUsageAsync(new GetKeyLastUsageRequest { KeyId = key.KeyId })).KeyLastUsage;
            Assert.Equal(("GenerateDataKey", used.ResponseMetadata.RequestId), (usage.Operation.Value, usage.KmsRequestId));
        }
    }

    [Fact]
    public async Task Uses_are_answered_from_memory_and_reach_the_database_only_in_a_batch_flush()
    {
        await using var server = await TrentServer.StartAsync(audit: new AuditOptions { KeyUsageFlushInterval = TimeSpan.FromHours(1) });
        using var kms = server.Kms();
        var keys = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var key = await kms.CreateKeyAsync();
            await kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = Utf8("x") });
            keys.Add(key.KeyId);
        }

        var rowsWhileServing = StoredUsages(server.DataDir);
        var answered = await kms.GetKeyLastUsageAsync(new GetKeyLastUsageRequest { KeyId = keys[0] });
        await server.Host.DisposeAsync();

        Assert.Equal(0, rowsWhileServing);
        Assert.Equal("Encrypt", answered.KeyLastUsage.Operation.Value);
        Assert.Equal(3, StoredUsages(server.DataDir));
        await server.RestartAsync();
    }

    /// <summary>The rows of the key usage table, read from the SQLite file beside the server.</summary>
    private static long StoredUsages(string dataDir)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDir, "trent.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM key_usage";
        return (long)count.ExecuteScalar()!;
    }

    [Fact]
    public async Task Another_account_may_not_ask_even_when_the_key_policy_lets_it()
    {
        var other = await AccountsAsync(fx.Server);
        var key = await fx.Kms.CreateKeyAsync();
        var policy = $$"""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":{"AWS":"{{fx.RootArn}}"},"Action":"kms:*","Resource":"*"},
              {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{other.Account}}:root"},"Action":["kms:DescribeKey","kms:GetKeyLastUsage"],"Resource":"*"}]}
            """;
        await fx.Kms.PutKeyPolicyAsync(new PutKeyPolicyRequest { KeyId = key.KeyId, PolicyName = "default", Policy = policy });

        await other.Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = key.Arn });
        var refused = await Assert.ThrowsAnyAsync<AmazonKeyManagementServiceException>(() => other.Kms.GetKeyLastUsageAsync(new GetKeyLastUsageRequest { KeyId = key.Arn }));
        Assert.Equal("AccessDeniedException", refused.ErrorCode);
    }

    private static async Task<(string Account, AmazonKeyManagementServiceClient Kms)> AccountsAsync(TrentServer server)
    {
        var account = "4" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var credentials = await Identity.AccountCommandTests.CreateAccountAsync(server.DataDir, account);
        return (account, server.KmsAs(credentials.AccessKeyId, credentials.SecretAccessKey));
    }
}
