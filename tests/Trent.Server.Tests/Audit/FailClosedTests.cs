using System.Net;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using Trent.Server.Audit;
using Trent.Server.Tests.Audit.Support;
using Trent.Server.Tests.Harness;
using Xunit.Abstractions;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Audit;

/// <summary>
/// When the trail cannot be written, Trent refuses requests with a 503 that SDKs retry, performs nothing it could not
/// record, and serves again as soon as writing works; failing open (a development setting) it serves and drops the events.
/// The failures are real: a directory replaced by a file, a filesystem full to the last byte.
/// </summary>
public sealed class FailClosedTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Failing_closed_Trent_refuses_with_a_retryable_503_performs_nothing_unrecorded_and_recovers()
    {
        // One-byte files: every batch closes its file, so the next write must open a new one in the directory.
        await using var server = await TrentServer.StartAsync(audit: new AuditOptions { MaxFileBytes = 1 });
        var auditDir = server.AuditDirectory;
        using var kms = server.Kms();
        using var retrying = Retrying(server);
        var key = (await kms.CreateKeyAsync(new CreateKeyRequest { Description = "before" })).KeyMetadata;

        AmazonServiceException first, second;
        using (BrokenTrail.ReplaceWithFile(auditDir))
        {
            first = await UnavailableAsync(() => kms.UpdateKeyDescriptionAsync(new UpdateKeyDescriptionRequest { KeyId = key.KeyId, Description = "unrecorded" }));
            second = await UnavailableAsync(() => kms.UpdateKeyDescriptionAsync(new UpdateKeyDescriptionRequest { KeyId = key.KeyId, Description = "refused" }));
        }
        var described = await retrying.DescribeKeyAsync(new DescribeKeyRequest { KeyId = key.KeyId });

        // The first request ran before the failure showed, and was not acknowledged; the second was not performed at all.
        Assert.Equal("unrecorded", described.KeyMetadata.Description);
        Assert.Empty(Trail.ForRequest(auditDir, first.RequestId));
        Assert.Empty(Trail.ForRequest(auditDir, second.RequestId));
        var describes = Trail.Records(auditDir).Where(r => r.Text("eventName") == "DescribeKey").ToList();
        Assert.Equal(["DependencyTimeoutException", null], describes.Select(r => r.Text("errorCode")));
        Assert.Equal(described.ResponseMetadata.RequestId, describes[1].Text("requestID"));
        Assert.Contains(server.Log.Lines, l => l.Contains("The audit trail cannot be written; refusing requests (fail-closed)", StringComparison.Ordinal));
        AssertIntact(auditDir);
    }

    [Fact]
    public async Task Failing_open_Trent_serves_without_recording_and_the_trail_stays_verifiable()
    {
        await using var server = await TrentServer.StartAsync(audit: new AuditOptions { MaxFileBytes = 1, FailOpen = true });
        var auditDir = server.AuditDirectory;
        using var kms = server.Kms();
        var key = (await kms.CreateKeyAsync(new CreateKeyRequest())).KeyMetadata;

        string unrecorded;
        using (BrokenTrail.ReplaceWithFile(auditDir))
        {
            unrecorded = (await kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = Utf8("served") })).ResponseMetadata.RequestId;
            await kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = Utf8("served too") });
        }
        var recorded = (await kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = Utf8("recorded") })).ResponseMetadata.RequestId;

        Assert.Empty(Trail.ForRequest(auditDir, unrecorded));
        Trail.Single(auditDir, recorded);
        Assert.Contains(server.Log.Lines, l => l.Contains("dropping events (fail-open)", StringComparison.Ordinal));
        Assert.Contains(server.Log.Lines, l => l.Contains("2 events were dropped", StringComparison.Ordinal));
        AssertIntact(auditDir);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task When_the_disk_fills_up_or_the_permission_is_lost_Trent_fails_as_configured_and_the_closed_files_match_their_digests(bool failOpen)
    {
        await using var trail = await StarvableTrail.CreateAsync();
        output.WriteLine($"The trail fails with: {trail.Failure}");
        var server = await TrentServer.StartAsync(audit: trail.Options with { FailOpen = failOpen });
        using var kms = server.Kms();
        using var retrying = Retrying(server);
        var key = (await kms.CreateKeyAsync(new CreateKeyRequest())).KeyMetadata;

        AmazonServiceException? refused = null;
        var served = 0;
        using (trail.Starve())
        {
            // The open file's last page may still take a record or two; then nothing more can be written.
            for (var i = 0; i < 50 && refused is null; i++)
            {
                try
                {
                    await kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = Utf8("x") });
                    served++;
                }
                catch (AmazonServiceException e)
                {
                    refused = e;
                }
            }
            if (!failOpen)
            {
                Assert.NotNull(refused);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                await UnavailableAsync(() => kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = Utf8("x") }));
            }
        }
        if (failOpen)
        {
            Assert.Null(refused);
            Assert.Equal(50, served);
            Assert.Contains(server.Log.Lines, l => l.Contains("dropping events (fail-open)", StringComparison.Ordinal));
        }
        else
        {
            var answered = await retrying.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = Utf8("x") });
            Trail.Single(trail.Directory, answered.ResponseMetadata.RequestId);
            Assert.Contains(server.Log.Lines, l => l.Contains("refusing requests (fail-closed)", StringComparison.Ordinal));
        }
        Assert.Contains(server.Log.Lines, l => l.Contains(trail.Failure, StringComparison.Ordinal));

        // Failing open, nothing was written since the failure: closing the file must cut what the failed writes left.
        await server.DisposeAsync();
        Assert.Empty(Trail.ForRequest(trail.Directory, refused?.RequestId ?? "none"));
        AssertIntact(trail.Directory);
    }

    /// <summary>The refusal: a 503 DependencyTimeoutException, which the SDKs' standard retry policy retries.</summary>
    private static async Task<AmazonServiceException> UnavailableAsync(Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<DependencyTimeoutException>(call);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        Assert.Equal("DependencyTimeoutException", e.ErrorCode);
        return e;
    }

    /// <summary>A client as applications configure one: the SDK's retries on.</summary>
    private static AmazonKeyManagementServiceClient Retrying(TrentServer server) =>
        new(new BasicAWSCredentials(server.Root.AccessKeyId, server.Root.SecretAccessKey), new AmazonKeyManagementServiceConfig
        {
            ServiceURL = server.BaseAddress.ToString(),
            AuthenticationRegion = TrentServer.Region,
            MaxErrorRetry = 2,
        });

    private static void AssertIntact(string auditDir)
    {
        var verified = AuditVerifier.Verify(auditDir, digestKey: null);
        Assert.True(verified.Intact, verified.Message);
    }
}
