using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.Wire;

namespace Trent.Server.Tests.Robustness;

/// <summary>
/// Thousands of malformed and random requests across every implemented operation (fixed seed, so a failure
/// reproduces): each gets an AWS-shaped answer, never a 5xx, a hang or a dropped connection, and the server
/// keeps serving.
/// </summary>
public sealed class MalformedTrafficTests(DevServerFixture fx) : IClassFixture<DevServerFixture>
{
    private const int Seed = 20261129;
    private const int Requests = 4000;
    private static readonly TimeSpan PerRequest = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Malformed_and_random_requests_all_get_AWS_shaped_answers_and_the_server_keeps_serving()
    {
        var mutator = new TrafficMutator(fx.Wire, await CorpusAsync(), fx.Root);
        var rng = new Random(Seed);
        var requests = Enumerable.Range(0, Requests).Select(i => mutator.Next(rng, i)).ToList();
        var failures = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (request, _) =>
        {
            try
            {
                if (Problem(await RawHttp.SendAsync(fx.Server.BaseAddress, request.Request, PerRequest)) is { } problem)
                {
                    failures.Add($"{request}\n    -> {problem}");
                }
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or Xunit.Sdk.XunitException)
            {
                failures.Add($"{request}\n    -> no answer: {e.Message}");
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {Requests} requests failed (seed {Seed}):\n{string.Join("\n", failures.Take(20))}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.DoesNotContain(fx.Server.Log.Lines, line => line.StartsWith("Error", StringComparison.Ordinal));
        using var kms = fx.Server.Kms();
        Assert.Equal(16, (await kms.GenerateRandomAsync(new GenerateRandomRequest { NumberOfBytes = 16 })).Plaintext.Length);
    }

    /// <summary>Null when the answer is a success or an AWS-shaped client error.</summary>
    private static string? Problem(WireResponse response)
    {
        if (response.Status == 200)
        {
            return response.Body.Length == 0 || IsJsonObject(response.Body) ? null : $"200 with a non-JSON body: {response}";
        }
        if (response.Status is < 400 or > 499)
        {
            return $"status {response.Status}: {response}";
        }
        if (response.Header("Content-Type") != KmsWire.ContentType || !Guid.TryParse(response.Header("x-amzn-RequestId"), out _))
        {
            return $"not an AWS JSON 1.1 answer: {string.Join(", ", response.Headers)} {response}";
        }
        return IsJsonObject(response.Body) && response.Type is { Length: > 0 } ? null : $"no __type: {response}";
    }

    private static bool IsJsonObject(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private async Task<TrafficCorpus> CorpusAsync()
    {
        using var kms = fx.Server.Kms();
        var key = (await kms.CreateKeyAsync(new CreateKeyRequest())).KeyMetadata;
        var blob = (await kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = new MemoryStream([1, 2, 3]) })).CiphertextBlob;
        return new TrafficCorpus(key.KeyId, key.Arn, Convert.ToBase64String(blob.ToArray()));
    }
}
