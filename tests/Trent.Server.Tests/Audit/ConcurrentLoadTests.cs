using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using Trent.Server.Audit;
using Trent.Server.Tests.Audit.Support;
using Trent.Server.Tests.Harness;
using static Trent.Server.Tests.Crypto.CryptoKit;

namespace Trent.Server.Tests.Audit;

/// <summary>Under concurrent load, allowed and refused alike, the trail holds one record per request and its chain is intact.</summary>
public sealed class ConcurrentLoadTests
{
    [Fact]
    public async Task Every_one_of_many_concurrent_requests_has_exactly_one_record_and_the_chain_verifies()
    {
        // Small files, so that the load also crosses file rotations and their digests.
        await using var server = await TrentServer.StartAsync(audit: new AuditOptions { MaxFileBytes = 64 * 1024 });
        using var kms = server.Kms();
        var key = (await kms.CreateKeyAsync(new CreateKeyRequest())).KeyMetadata;
        const int Clients = 16;
        const int RequestsPerClient = 60;

        var requestIds = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async client =>
        {
            var ids = new List<string>();
            for (var i = 0; i < RequestsPerClient; i++)
            {
                ids.Add(await OneRequestAsync(kms, key.KeyId, (client + i) % 4));
            }
            return ids;
        }));

        var sent = requestIds.SelectMany(ids => ids).ToList();
        var records = Trail.Records(server.AuditDirectory);
        // The clients do not retry, so every call is one request: the CreateKey and the load, and no record besides.
        Assert.Equal(1 + Clients * RequestsPerClient, records.Count);
        Assert.Equal(Clients * RequestsPerClient, sent.Distinct().Count());
        Assert.Equal(sent.Order(), records.Skip(1).Select(r => r.Text("requestID")).Order());
        Assert.True(TrailFiles.List(server.AuditDirectory).Count > 1, "the load should have rotated the trail");
        Assert.DoesNotContain(server.Log.Lines, l => l.Contains("The audit trail cannot be written", StringComparison.Ordinal));
        var verified = AuditVerifier.Verify(server.AuditDirectory, digestKey: null);
        Assert.True(verified.Intact, verified.Message);
    }

    /// <summary>One request of four kinds, two that succeed and two that are refused; returns its request id.</summary>
    private static async Task<string> OneRequestAsync(Amazon.KeyManagementService.IAmazonKeyManagementService kms, string keyId, int kind)
    {
        try
        {
            AmazonWebServiceResponse response = kind switch
            {
                0 => await kms.EncryptAsync(new EncryptRequest { KeyId = keyId, Plaintext = Utf8("load") }),
                1 => await kms.GenerateRandomAsync(new GenerateRandomRequest { NumberOfBytes = 16 }),
                2 => await kms.DecryptAsync(new DecryptRequest { CiphertextBlob = Stream(RandomBytes(80)) }),
                _ => await kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = Guid.NewGuid().ToString() }),
            };
            return response.ResponseMetadata.RequestId;
        }
        // Only the refusals asked for: a 503 from a trail that failed under the load must fail the test.
        catch (AmazonServiceException refused) when ((kind == 2 && refused.ErrorCode == "InvalidCiphertextException")
            || (kind == 3 && refused.ErrorCode == "NotFoundException"))
        {
            return refused.RequestId;
        }
    }
}
