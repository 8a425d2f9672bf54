using System.Globalization;
using System.Text;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Harness;

namespace Trent.Server.Tests.Metrics;

public sealed class MetricsEndpointTests
{
    private const string StorageCalls = "trent_storage_calls_total";

    [Fact]
    public async Task CreateKey_moves_the_storage_call_counter()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        await kms.ListKeysAsync(new ListKeysRequest());
        var before = await StorageCallsAsync(server);

        await kms.CreateKeyAsync(new CreateKeyRequest());

        Assert.True(await StorageCallsAsync(server) > before);
    }

    [Fact]
    public async Task Encrypt_with_a_cached_key_makes_no_storage_call()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var keyId = (await kms.CreateKeyAsync(new CreateKeyRequest())).KeyMetadata.KeyId;
        // The first use loads the key (and the access key) into the cache.
        await kms.EncryptAsync(Encrypt(keyId));
        var before = await StorageCallsAsync(server);

        for (var i = 0; i < 5; i++)
        {
            await kms.EncryptAsync(Encrypt(keyId));
        }

        Assert.Equal(before, await StorageCallsAsync(server));
    }

    [Fact]
    public async Task Maintenance_sweep_storage_calls_are_counted_apart_from_the_requests()
    {
        await using var server = await TrentServer.StartAsync();
        await server.Kms().CreateKeyAsync(new CreateKeyRequest());
        var requests = await StorageCallsAsync(server, "request");

        await server.RunMaintenanceAsync();

        Assert.Equal(requests, await StorageCallsAsync(server, "request"));
        Assert.True(await StorageCallsAsync(server, "maintenance") > 0);
    }

    [Fact]
    public async Task Metrics_endpoint_answers_unsigned_in_prometheus_text_without_ids_or_secrets()
    {
        await using var server = await TrentServer.StartAsync();
        var kms = server.Kms();
        var keyId = (await kms.CreateKeyAsync(new CreateKeyRequest())).KeyMetadata.KeyId;
        await kms.EncryptAsync(Encrypt(keyId));

        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"# TYPE {StorageCalls} counter", text, StringComparison.Ordinal);
        Assert.Contains($"{StorageCalls}{{operation=\"CreateKey\",port=\"keys\",source=\"request\"}} 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain(keyId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Root.AccessKeyId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Root.SecretAccessKey, text, StringComparison.Ordinal);
    }

    private static EncryptRequest Encrypt(string keyId) =>
        new() { KeyId = keyId, Plaintext = new MemoryStream(Encoding.UTF8.GetBytes("counted")) };

    /// <summary>The sum of the <c>trent_storage_calls_total</c> series (of one source, if given), as a scraper would see it.</summary>
    private static async Task<long> StorageCallsAsync(TrentServer server, string? source = null)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        return text.Split('\n')
            .Where(line => line.StartsWith(StorageCalls, StringComparison.Ordinal))
            .Where(line => source is null || line.Contains($"source=\"{source}\"", StringComparison.Ordinal))
            .Sum(line => long.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }
}
